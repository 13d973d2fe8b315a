package uk.nhs.safety.campaign.model.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.campaign.api.cluster.JobRunningException;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * Jobs once per cluster: two {@link ClusterJobsImpl} with different node ids, each with a {@link Database} of its own
 * over one database, are two nodes. On H2 and on PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class ClusterJobsImplTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:41:07Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final List<ScheduledExecutorService> executors = new ArrayList<>();

    @AfterEach
    void stop() {
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }

    private ClusterJobsImpl node(DataSource dataSource, String id, Clock clock, Duration lease) {
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
        executors.add(renewals);
        return new ClusterJobsImpl(new Database(dataSource, Migrations.bundled(TestDatabase.CLOCK)), id, clock, lease,
                renewals);
    }

    @Test
    void aSecondRunOnAnyNodeIsRefusedNamingTheNodeAndStartOnH2() {
        aSecondRunOnAnyNodeIsRefusedNamingTheNodeAndStart(TestDatabase.dataSource());
    }

    @Test
    void aSecondRunOnAnyNodeIsRefusedNamingTheNodeAndStartOnPostgresql(PostgresServer postgres) {
        aSecondRunOnAnyNodeIsRefusedNamingTheNodeAndStart(postgres.newDatabase());
    }

    private void aSecondRunOnAnyNodeIsRefusedNamingTheNodeAndStart(DataSource dataSource) {
        ClusterJobsImpl web1 = node(dataSource, "web1-3f9a2c", clock, ClusterJobsImpl.LEASE);
        ClusterJobsImpl web2 = node(dataSource, "web2-77b0e1", clock, ClusterJobsImpl.LEASE);

        String result = web1.runExclusive("nhsla-claims", "a claims import", () -> {
            for (ClusterJobsImpl other : List.of(web2, web1)) {
                assertThatThrownBy(() -> other.runExclusive("nhsla-claims", "a claims import", () -> "ran"))
                        .isInstanceOf(JobRunningException.class)
                        .hasMessage("a claims import is already running on node web1-3f9a2c since"
                                + " 2026-12-03T12:41:07Z; try again when it has finished")
                        .satisfies(e -> {
                            JobRunningException j = (JobRunningException) e;
                            assertThat(List.of(j.job(), j.node(), j.startedAt())).containsExactly("nhsla-claims",
                                    "web1-3f9a2c", T0);
                        });
            }
            // Another job (another partner's import) is not blocked.
            assertThat(web2.runExclusive("nhsi-incidents", "an incident import", () -> "other")).isEqualTo("other");
            return "first";
        });

        assertThat(result).isEqualTo("first");
        assertThat(web2.runExclusive("nhsla-claims", "a claims import", () -> "after")).as("released at the end")
                .isEqualTo("after");
        assertThat(count(dataSource)).isZero();
    }

    @Test
    void aJobIsReleasedWhenItsWorkFailsOnH2() {
        DataSource dataSource = TestDatabase.dataSource();
        ClusterJobsImpl web1 = node(dataSource, "web1", clock, ClusterJobsImpl.LEASE);

        assertThatThrownBy(() -> web1.runExclusive("nhsla-claims", "a claims import", () -> {
            throw new IllegalStateException("bad file");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bad file");
        assertThat(web1.runExclusive("nhsla-claims", "a claims import", () -> 1)).isEqualTo(1);
    }

    @Test
    void aDeadNodesJobIsTakenOverOnceItsLeaseHasRunOutOnH2() {
        aDeadNodesJobIsTakenOverOnceItsLeaseHasRunOut(TestDatabase.dataSource());
    }

    @Test
    void aDeadNodesJobIsTakenOverOnceItsLeaseHasRunOutOnPostgresql(PostgresServer postgres) {
        aDeadNodesJobIsTakenOverOnceItsLeaseHasRunOut(postgres.newDatabase());
    }

    private void aDeadNodesJobIsTakenOverOnceItsLeaseHasRunOut(DataSource dataSource) {
        ClusterJobsImpl web1 = node(dataSource, "web1", clock, ClusterJobsImpl.LEASE);
        ClusterJobsImpl web2 = node(dataSource, "web2", clock, ClusterJobsImpl.LEASE);
        // web1 dies half-way: its work never returns, so it neither renews (its clock stands still) nor releases.
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService dying = Executors.newSingleThreadExecutor();
        try {
            dying.submit(() -> web1.runExclusive("nhsla-claims", "a claims import", () -> {
                started.countDown();
                try {
                    return never.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
            executors.get(0).shutdownNow(); // web1's renewals stop: the node is gone

            clock.now = T0.plusSeconds(29);
            assertThatThrownBy(() -> web2.runExclusive("nhsla-claims", "a claims import", () -> "x"))
                    .isInstanceOf(JobRunningException.class).hasMessageContaining("node web1 since " + T0);

            clock.now = T0.plusSeconds(31); // the 30 s lease has run out
            assertThat(web2.runExclusive("nhsla-claims", "a claims import", () -> "taken over")).isEqualTo("taken over");
        } finally {
            dying.shutdownNow();
        }
    }

    @Test
    void aRunningJobRenewsItsLeaseSoItIsNotTakenOverOnPostgresql(PostgresServer postgres) {
        DataSource dataSource = postgres.newDatabase();
        Duration lease = Duration.ofMillis(900);
        ClusterJobsImpl web1 = node(dataSource, "web1", Clock.systemUTC(), lease);
        ClusterJobsImpl web2 = node(dataSource, "web2", Clock.systemUTC(), lease);

        web1.runExclusive("nhsla-claims", "a claims import", () -> {
            Instant first = leaseUntil(dataSource);
            // Renewed every 300 ms: wait for a renewal, then for more than a whole first lease to have gone by.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> leaseUntil(dataSource).isAfter(first));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(first.plusMillis(300)));
            assertThatThrownBy(() -> web2.runExclusive("nhsla-claims", "a claims import", () -> "x"))
                    .isInstanceOf(JobRunningException.class);
            return null;
        });
    }

    @Test
    void twoNodesStartingTheSameJobAtOnceRunItOnceOnH2() throws Exception {
        twoNodesStartingTheSameJobAtOnceRunItOnce(TestDatabase.dataSource());
    }

    @Test
    void twoNodesStartingTheSameJobAtOnceRunItOnceOnPostgresql(PostgresServer postgres) throws Exception {
        twoNodesStartingTheSameJobAtOnceRunItOnce(postgres.newDatabase());
    }

    private void twoNodesStartingTheSameJobAtOnceRunItOnce(DataSource dataSource) throws Exception {
        List<ClusterJobsImpl> nodes = List.of(node(dataSource, "web1", clock, ClusterJobsImpl.LEASE),
                node(dataSource, "web2", clock, ClusterJobsImpl.LEASE));
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch bothTried = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (ClusterJobsImpl node : nodes) {
                results.add(threads.submit(() -> {
                    go.await();
                    try {
                        return node.runExclusive("nhsla-claims", "a claims import", () -> {
                            bothTried.countDown();
                            try {
                                // Hold the job until the other node has tried too.
                                return bothTried.await(20, TimeUnit.SECONDS) ? "ran" : "timed out";
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return "interrupted";
                            }
                        });
                    } catch (JobRunningException e) {
                        bothTried.countDown();
                        return "refused";
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("ran", "refused");
        } finally {
            threads.shutdownNow();
        }
    }

    private static long count(DataSource dataSource) {
        try (var c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM cluster_job"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant leaseUntil(DataSource dataSource) {
        try (var c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT lease_until FROM cluster_job"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
