package uk.nhs.safety.campaign.model.internal.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.partner.SqlWork;

/**
 * The campaign store: the configured {@link DataSource} with the schema migrated, and transaction helpers.
 *
 * <p>The component registers at once, whether or not the database answers, so that the services and servlets that
 * reference it are there from the start. Until the schema is migrated every call fails with
 * {@link StoreUnavailableException}; a background thread tries to open the store, with a backoff (one second,
 * doubling up to {@code retryMaxSeconds}), and logs only when the state changes. Once up, a connection failure makes
 * that call fail with {@link StoreUnavailableException} too, and the next call tries again; when the database broke
 * a connection in use, the pool is emptied first ({@link PoolReset}), so that the next call gets a new one.
 *
 * <p>A node that has held data keeps a marker naming the database's identity ({@link StoreIdentity}); it refuses to
 * migrate (and so to seed demo data into) an empty or different database unless {@code allowNewDatabase} is set.
 * Partner stores ({@link PartnerStoreImpl}) are enabled only once the store is up, so that partners migrate their
 * tables on a migrated, reachable database.
 */
@Component(service = Database.class, configurationPid = Database.PID, immediate = true)
@Designate(ocd = Database.Config.class)
public class Database {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.store";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** What a caller is told to wait once the store was up and the database stops answering. */
    private static final long RETRY_AFTER_UNREACHABLE = 5;
    /** SQL states and H2 error codes meaning "the database cannot be reached or used just now". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300",
            "90020", "90067", "90098", "90121", "90146", "90149");

    /** Which data source the store uses, and how it guards against an empty database. */
    @ObjectClassDefinition(name = "Campaign store", description = "The database of the Sign up to Safety campaign")
    public @interface Config {

        @AttributeDefinition(name = "Data source filter",
                description = "LDAP filter selecting the pax-jdbc-config DataSource service to use")
        String DataSource_target() default "(dataSourceName=safety)";

        @AttributeDefinition(name = "Allow a new database",
                description = "Start on an empty or different database even though this node has held data"
                        + " (its marker in data/safety names another database). Off: such a start is refused.")
        boolean allowNewDatabase() default false;

        @AttributeDefinition(name = "Longest wait between attempts (seconds)", min = "1",
                description = "While the database cannot be opened, attempts back off up to this interval")
        int retryMaxSeconds() default 10;

        @AttributeDefinition(name = "Identity marker file",
                description = "Where this node records the identity of the database it has held data in;"
                        + " empty: ${karaf.data}/safety/store-identity")
        String identityMarker() default "";
    }

    /** The store's state. */
    public enum State {
        /** Not yet opened: the first attempt is running. */
        STARTING,
        /** Migrated and in use. */
        UP,
        /** Cannot be opened: the database does not answer or a migration failed; retried in the background. */
        UNAVAILABLE,
        /** Refused: an empty or different database where this node has held data; retried in the background. */
        REFUSED
    }

    /** The state and, unless up, why. */
    public record Status(State state, String reason) {
    }

    /** The settings the store uses. */
    public record Settings(boolean allowNewDatabase, Duration retryMax) {

        public static final Settings DEFAULTS = new Settings(false, Duration.ofSeconds(10));
    }

    /** Runs a later attempt to open the store. */
    @FunctionalInterface
    public interface Retries {
        void schedule(Runnable attempt, Duration delay);
    }

    private final DataSource dataSource;
    private final PoolReset poolReset;
    private final Migrations migrations;
    private final StoreIdentity identity;
    private final Retries retries;
    private final ScheduledExecutorService executor;
    private final ComponentContext context;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(State.STARTING,
            "the campaign store is starting"));
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Settings settings;
    private volatile Duration nextDelay = FIRST_RETRY;
    private volatile boolean closed;

    @Activate
    public Database(@Reference(name = "DataSource", target = "(dataSourceName=safety)") DataSource dataSource,
                    Config config, ComponentContext context) {
        this(dataSource, Migrations.bundled(Clock.systemUTC()), settings(config), StoreIdentity.marker(
                markerPath(config.identityMarker())), Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "safety-store-open");
                    t.setDaemon(true);
                    return t;
                }), context);
    }

    /**
     * For tests: opens the store now (migrating it) and throws what opening it threw; no identity marker, no
     * retries.
     */
    public Database(DataSource dataSource, Migrations migrations) {
        this.dataSource = dataSource;
        this.poolReset = PoolReset.of(dataSource);
        this.migrations = migrations;
        this.identity = StoreIdentity.none();
        this.retries = null;
        this.executor = null;
        this.context = null;
        this.settings = Settings.DEFAULTS;
        open(settings);
        up();
    }

    /** For tests: the store in the background, its retries run by {@code retries}. */
    public Database(DataSource dataSource, Migrations migrations, Settings settings, StoreIdentity identity,
                    Retries retries) {
        this(dataSource, migrations, settings, identity, retries, null, null);
    }

    private Database(DataSource dataSource, Migrations migrations, Settings settings, StoreIdentity identity,
                     ScheduledExecutorService executor, ComponentContext context) {
        this(dataSource, migrations, settings, identity,
                (attempt, delay) -> executor.schedule(attempt, delay.toMillis(), TimeUnit.MILLISECONDS), executor,
                context);
    }

    private Database(DataSource dataSource, Migrations migrations, Settings settings, StoreIdentity identity,
                     Retries retries, ScheduledExecutorService executor, ComponentContext context) {
        this.dataSource = dataSource;
        this.poolReset = PoolReset.of(dataSource);
        this.migrations = migrations;
        this.identity = identity;
        this.retries = retries;
        this.executor = executor;
        this.context = context;
        this.settings = settings;
        // Last statement: every field is set before an attempt can see this object.
        retries.schedule(this::attempt, Duration.ZERO);
    }

    @Modified
    void modified(Config config) {
        Settings changed = settings(config);
        Settings before = settings;
        settings = changed;
        if (!changed.equals(before)) {
            // Applies from the next attempt (at most retryMaxSeconds away); the store is not restarted.
            LOG.info("Campaign store settings changed: {}", changed);
        }
    }

    @Deactivate
    void deactivate() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
        // Replaced while the bundle stays (e.g. a new DataSource): partners wait for the new store to open. When the
        // bundle stops, SCR disposes of every component anyway (and refuses to disable one).
        if (context != null && ready.isDone()
                && context.getBundleContext().getBundle().getState() == Bundle.ACTIVE) {
            context.disableComponent(PartnerStoreImpl.class.getName());
        }
    }

    /** The store's state now. */
    public Status status() {
        return status.get();
    }

    /** Completes (on the thread that opened the store) once the store is up for the first time. */
    public CompletionStage<Void> ready() {
        return ready;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws anything. A
     * {@link SQLException} comes back as a {@link CampaignException} ({@link StoreUnavailableException} when the
     * database cannot be reached); any other exception is rethrown as it is.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        requireUp();
        Connection c = connect();
        try (c) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                reachable();
                return result;
            } catch (SQLException e) {
                throw rollback(c, failure("database write failed: ", e));
            } catch (RuntimeException e) {
                throw rollback(c, e);
            } catch (Error e) {
                throw rollback(c, e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("database unavailable: ", e);
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        requireUp();
        Connection c = connect();
        try (c) {
            T result = work.run(c);
            reachable();
            return result;
        } catch (SQLException e) {
            throw failure("database read failed: ", e);
        }
    }

    /**
     * Runs {@code work} holding the database lock {@code name} ({@link DatabaseLock}): one holder at a time across
     * every node on this database; the others wait. For work that must happen once per database (demo seeding).
     */
    public <T> T underLock(String name, Supplier<T> work) {
        requireUp();
        return new DatabaseLock(name).run(dataSource, work::get);
    }

    /** The data source, for components that run migrations of their own (partner stores). */
    DataSource dataSource() {
        return dataSource;
    }

    /** Throws {@link StoreUnavailableException} unless the store is up. */
    void requireUp() {
        Status now = status.get();
        if (now.state() != State.UP) {
            throw new StoreUnavailableException("the campaign store is not available: " + now.reason(),
                    Math.max(1, nextDelay.toSeconds()));
        }
    }

    /** Whether {@code e} says that the database cannot be reached or used just now (rather than bad SQL or data). */
    static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** A failure of work on a connection. */
    private CampaignException failure(String prefix, SQLException e) {
        if (!isUnavailable(e)) {
            return new CampaignException(prefix + e.getMessage(), e);
        }
        // The database broke this connection, and with it every other pooled one: none is handed out again. (Not when
        // no connection could be had at all: an exhausted pool is not emptied.)
        poolReset.run();
        return unreachable(e);
    }

    private StoreUnavailableException unreachable(SQLException e) {
        if (reachable.compareAndSet(true, false)) {
            LOG.warn("The campaign database does not answer: {}; requests fail with 503 until it does", e.getMessage(),
                    e);
        }
        return new StoreUnavailableException("the campaign database does not answer: " + e.getMessage(),
                RETRY_AFTER_UNREACHABLE, e);
    }

    private void reachable() {
        if (reachable.compareAndSet(false, true)) {
            LOG.info("The campaign database answers again");
        }
    }

    /** One attempt to open the store; on failure the next is scheduled. Runs on the retry thread only. */
    void attempt() {
        if (closed || status.get().state() == State.UP) {
            return;
        }
        try {
            open(settings);
            up();
        } catch (StoreIdentity.Refused e) {
            change(State.REFUSED, e.getMessage(), null);
            retryLater();
        } catch (RuntimeException e) {
            change(State.UNAVAILABLE, e.getMessage(), e);
            retryLater();
        }
    }

    private void open(Settings current) {
        StoreIdentity.Found found = identity.inspect(dataSource);
        identity.check(found, current.allowNewDatabase());
        // After inspect: the database answers, so this warns only about durability, not once per failed attempt.
        Durability.ensure(dataSource);
        List<Integer> applied = migrations.apply(dataSource);
        String id = identity.establish(dataSource);
        if (applied.isEmpty()) {
            LOG.info("Campaign store schema is up to date (database {})", id);
        } else {
            LOG.info("Campaign store schema migrated: applied versions {} (database {})", applied, id);
        }
    }

    private void up() {
        nextDelay = FIRST_RETRY;
        change(State.UP, null, null);
        reachable.set(true);
        if (context != null) {
            context.enableComponent(PartnerStoreImpl.class.getName());
        }
        ready.complete(null);
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        Duration delay = nextDelay;
        Duration max = settings.retryMax();
        nextDelay = delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
        retries.schedule(this::attempt, delay);
    }

    private void change(State state, String reason, Exception cause) {
        Status before = status.getAndSet(new Status(state, reason));
        if (before.state() == state) {
            return;
        }
        switch (state) {
            case UP -> {
                if (before.state() != State.STARTING) {
                    LOG.info("The campaign store is up (was {})", before.state());
                }
            }
            case REFUSED -> LOG.error("The campaign store refuses to start: {}. Checking again in the background",
                    reason);
            default -> LOG.warn("The campaign store cannot be opened: {}. Retrying in the background, every {} s at"
                    + " most", reason, settings.retryMax().toSeconds(), cause);
        }
    }

    static Settings settings(Config config) {
        if (config.retryMaxSeconds() < 1) {
            throw new IllegalArgumentException(PID + " retryMaxSeconds: must be 1 or more, was "
                    + config.retryMaxSeconds());
        }
        return new Settings(config.allowNewDatabase(), Duration.ofSeconds(config.retryMaxSeconds()));
    }

    /** The marker file: the configured one, or {@code ${karaf.data}/safety/store-identity}; empty without either. */
    static Optional<Path> markerPath(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured.strip()));
        }
        String data = System.getProperty("karaf.data");
        return data == null ? Optional.empty() : Optional.of(Path.of(data, "safety", "store-identity"));
    }

    private static <E extends Throwable> E rollback(Connection c, E failure) {
        try {
            c.rollback();
        } catch (SQLException r) {
            failure.addSuppressed(r);
        }
        return failure;
    }
}
