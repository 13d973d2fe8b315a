package uk.nhs.safety.campaign.model.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.model.internal.db.Database.Settings;
import uk.nhs.safety.campaign.model.internal.db.Database.State;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/**
 * The store's start as a state machine: unreachable → retried with backoff → up; the identity marker refusing an
 * empty or different database; the explicit override. Retries are run by hand, so no test waits.
 */
class StoreStartTest {

    private static final Settings SETTINGS = new Settings(false, Duration.ofSeconds(8));
    private static final Settings ALLOW_NEW = new Settings(true, Duration.ofSeconds(8));

    @TempDir
    Path data;

    private final Switchable db = new Switchable(TestDatabase.dataSource());
    private final ManualRetries retries = new ManualRetries();

    private Path marker() {
        return data.resolve("safety").resolve("store-identity");
    }

    private Database start(DataSource dataSource, Settings settings) {
        Database database = new Database(dataSource, Migrations.bundled(TestDatabase.CLOCK), settings,
                StoreIdentity.marker(Optional.of(marker())), retries);
        retries.runNext();
        return database;
    }

    @Test
    void registersWhileTheDatabaseIsUnreachableAndAnswersStoreUnavailable() {
        db.down.set(true);

        Database store = start(db.dataSource, SETTINGS);

        assertThat(store.status().state()).isEqualTo(State.UNAVAILABLE);
        assertThat(store.status().reason()).contains("connection refused (simulated)");
        assertThat(store.ready()).isNotCompleted();
        assertThatThrownBy(() -> store.read(c -> 1)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("the campaign store is not available")
                .hasMessageContaining("connection refused (simulated)");
        assertThatThrownBy(() -> store.inTransaction(c -> 1)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void retriesWithADoublingBackoffUpToTheMaximum() {
        db.down.set(true);
        start(db.dataSource, SETTINGS);

        for (int i = 0; i < 5; i++) {
            retries.runNext();
        }

        // First attempt at once, then 1, 2, 4, 8 (the maximum), 8, ... seconds.
        assertThat(retries.delays).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8));
    }

    @Test
    void comesUpByItselfWhenTheDatabaseAnswersAndMigratesThen() {
        db.down.set(true);
        Database store = start(db.dataSource, SETTINGS);
        retries.runNext();

        db.down.set(false);
        retries.runNext();

        assertThat(store.status().state()).isEqualTo(State.UP);
        assertThat(store.ready()).isCompleted();
        long versions = store.read(c -> count(c, "SELECT COUNT(*) FROM schema_version"));
        assertThat(versions).isEqualTo(Migrations.bundled(TestDatabase.CLOCK).scripts().size());
        assertThat(retries.pending).as("no attempt after it is up").isEmpty();
    }

    @Test
    void aConnectionFailureAfterStartAnswersStoreUnavailableAndTheNextCallWorksAgain() {
        Database store = start(db.dataSource, SETTINGS);
        assertThat(store.status().state()).isEqualTo(State.UP);

        db.down.set(true);
        assertThatThrownBy(() -> store.read(c -> 1)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("the campaign database does not answer")
                .satisfies(e -> assertThat(((StoreUnavailableException) e).retryAfterSeconds()).isEqualTo(5));
        assertThatThrownBy(() -> store.inTransaction(c -> 1)).isInstanceOf(StoreUnavailableException.class);

        db.down.set(false);
        int answer = store.read(c -> 1);
        assertThat(answer).isEqualTo(1);
    }

    @Test
    void badSqlIsAnOrdinaryFailureNotAnOutage() {
        Database store = start(db.dataSource, SETTINGS);

        assertThatThrownBy(() -> store.read(c -> count(c, "SELECT COUNT(*) FROM no_such_table")))
                .isInstanceOf(CampaignException.class)
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("database read failed: ");
    }

    @Test
    void theFirstStartRecordsTheDatabaseIdentityInTheMarker() throws Exception {
        Database store = start(db.dataSource, SETTINGS);

        String id = store.read(c -> string(c, "SELECT database_id FROM store_identity"));
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(Files.readString(marker()).strip()).isEqualTo(id);
    }

    @Test
    void aRestartOnTheSameDatabaseKeepsItsIdentity() throws Exception {
        Database first = start(db.dataSource, SETTINGS);
        String id = first.read(c -> string(c, "SELECT database_id FROM store_identity"));

        Database second = start(db.dataSource, SETTINGS);

        assertThat(second.status().state()).isEqualTo(State.UP);
        assertThat(Files.readString(marker()).strip()).isEqualTo(id);
    }

    @Test
    void refusesAnEmptyDatabaseWhereThisNodeHasHeldDataAndMigratesNothing() throws Exception {
        start(db.dataSource, SETTINGS);
        String held = Files.readString(marker()).strip();
        Switchable empty = new Switchable(TestDatabase.dataSource());

        Database store = start(empty.dataSource, SETTINGS);

        assertThat(store.status().state()).isEqualTo(State.REFUSED);
        assertThat(store.status().reason()).contains("the database is empty", held, "allowNewDatabase=true");
        assertThat(store.ready()).isNotCompleted();
        assertThatThrownBy(() -> store.read(c -> 1)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("the database is empty");
        try (Connection c = empty.dataSource.getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'"))
                    .as("nothing migrated").isZero();
        }
        assertThat(Files.readString(marker()).strip()).as("marker kept").isEqualTo(held);
        assertThat(retries.pending).as("checked again later, in case the right database comes back").hasSize(1);
    }

    @Test
    void refusesADifferentDatabase() {
        start(db.dataSource, SETTINGS);
        Switchable other = new Switchable(TestDatabase.dataSource());
        new Database(other.dataSource, Migrations.bundled(TestDatabase.CLOCK));

        Database store = start(other.dataSource, SETTINGS);

        assertThat(store.status().state()).isEqualTo(State.REFUSED);
        assertThat(store.status().reason()).contains("the database is ", "but this node has held data in database");
    }

    @Test
    void startsOnAnEmptyDatabaseWhenExplicitlyAllowedAndMarksTheNewOne() throws Exception {
        start(db.dataSource, SETTINGS);
        String held = Files.readString(marker()).strip();
        Switchable empty = new Switchable(TestDatabase.dataSource());

        Database store = start(empty.dataSource, ALLOW_NEW);

        assertThat(store.status().state()).isEqualTo(State.UP);
        String id = store.read(c -> string(c, "SELECT database_id FROM store_identity"));
        assertThat(id).isNotEqualTo(held);
        assertThat(Files.readString(marker()).strip()).isEqualTo(id);
    }

    @Test
    void aNodeWithoutMarkerAdoptsAnExistingDatabase() throws Exception {
        Database before = new Database(db.dataSource, Migrations.bundled(TestDatabase.CLOCK));
        String id = before.read(c -> string(c, "SELECT database_id FROM store_identity"));

        Database store = start(db.dataSource, SETTINGS);

        assertThat(store.status().state()).isEqualTo(State.UP);
        assertThat(Files.readString(marker()).strip()).isEqualTo(id);
    }

    private static long count(Connection c, String sql) throws java.sql.SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws java.sql.SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Records what is scheduled; {@link #runNext()} runs the oldest. */
    private static final class ManualRetries implements Database.Retries {
        final List<Duration> delays = new ArrayList<>();
        final Deque<Runnable> pending = new ArrayDeque<>();

        @Override
        public void schedule(Runnable attempt, Duration delay) {
            delays.add(delay);
            pending.add(attempt);
        }

        void runNext() {
            pending.remove().run();
        }
    }

    /** A data source that can be made to refuse connections, as a pool does when the database is gone. */
    private static final class Switchable {
        final AtomicBoolean down = new AtomicBoolean();
        final DataSource dataSource;

        Switchable(DataSource target) {
            dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection") && down.get()) {
                            throw new SQLTransientConnectionException("connection refused (simulated)", "08001");
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
