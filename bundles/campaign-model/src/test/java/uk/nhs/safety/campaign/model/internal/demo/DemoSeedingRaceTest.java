package uk.nhs.safety.campaign.model.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;
import uk.nhs.safety.campaign.model.internal.measure.MeasureServiceImpl;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.plan.PlanServiceImpl;
import uk.nhs.safety.campaign.model.internal.pledge.PledgeServiceImpl;
import uk.nhs.safety.campaign.model.internal.spc.XmrAnalyser;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * Two nodes (each its own {@link Database}, services and seeder) started together on one empty database: the demo
 * data is seeded once, by one of them, and neither fails.
 */
@ExtendWith(PostgresExtension.class)
class DemoSeedingRaceTest {

    /** Counts what each node's seeding did: claims started, runs that completed, runs that threw. */
    private static final class Observed implements SeedLedger {
        final SeedLedger real;
        final AtomicInteger starts;
        final List<RuntimeException> failures;
        final AtomicInteger completed;

        Observed(SeedLedger real, AtomicInteger starts, AtomicInteger completed, List<RuntimeException> failures) {
            this.real = real;
            this.starts = starts;
            this.completed = completed;
            this.failures = failures;
        }

        @Override
        public <T> T exclusively(Supplier<T> work) {
            try {
                T result = real.exclusively(work);
                completed.incrementAndGet();
                return result;
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.add(e);
                }
                throw e;
            }
        }

        @Override
        public Optional<Claim> claim() {
            return real.claim();
        }

        @Override
        public void start(String node) {
            starts.incrementAndGet();
            real.start(node);
        }

        @Override
        public void finish() {
            real.finish();
        }
    }


    @Test
    void twoNodesOnH2SeedTheDemoDataOnce(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("race").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        assertSeededOnce(() -> {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            return ds;
        });
    }

    @Test
    void twoNodesOnPostgresqlSeedTheDemoDataOnce(PostgresServer postgres) throws Exception {
        String name = postgres.createDatabase();
        assertSeededOnce(() -> postgres.dataSource(name));
    }

    private void assertSeededOnce(Supplier<DataSource> node) throws Exception {
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        List<RuntimeException> failures = new ArrayList<>();
        CompletableFuture<Void> bothUp = new CompletableFuture<>();
        List<ExecutorService> threads = new ArrayList<>();
        DataSource check = node.get();
        for (String id : List.of("node-a", "node-b")) {
            Database database = new Database(node.get(), Migrations.bundled(Clock.systemUTC()));
            ExecutorService thread = Executors.newSingleThreadExecutor();
            threads.add(thread);
            new DemoSeeder(new MemberServiceImpl(database, new uk.nhs.safety.campaign.model.internal.testing.RecordingEvents()), new PlanServiceImpl(database, new uk.nhs.safety.campaign.model.internal.testing.RecordingEvents()),
                    new PledgeServiceImpl(database, new uk.nhs.safety.campaign.model.internal.testing.RecordingEvents()),
                    new MeasureServiceImpl(database, new uk.nhs.safety.campaign.model.internal.testing.RecordingEvents(), new XmrAnalyser(), Clock.systemUTC()), enabled(),
                    DemoContent.fromClassPath(), DemoHistory.jdbc(database),
                    new Observed(SeedLedger.jdbc(database, Clock.systemUTC()), starts, completed, failures), id,
                    bothUp, thread);
        }

        bothUp.complete(null); // both seeders start now
        for (ExecutorService thread : threads) {
            thread.shutdown();
            assertThat(thread.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(failures).isEmpty();
        assertThat(completed).hasValue(2);
        assertThat(starts).as("seedings started").hasValue(1);
        List<DemoContent.DemoMember> demo = DemoContent.fromClassPath().members();
        assertThat(count(check, "SELECT COUNT(*) FROM plan")).isEqualTo(demo.size());
        assertThat(count(check, "SELECT COUNT(*) FROM pledge_action"))
                .isEqualTo(demo.stream().mapToLong(m -> m.actions().size()).sum());
        assertThat(count(check, "SELECT COUNT(*) FROM demo_seed WHERE finished_at IS NOT NULL")).isEqualTo(1);
        assertThat(count(check, "SELECT COUNT(*) FROM member")).isGreaterThan(demo.size());
    }

    private static DemoSeeder.Config enabled() {
        return new DemoSeeder.Config() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoSeeder.Config.class;
            }
        };
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
