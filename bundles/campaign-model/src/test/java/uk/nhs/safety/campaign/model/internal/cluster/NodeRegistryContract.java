package uk.nhs.safety.campaign.model.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.cluster.ClusterNode;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.cluster.NodePartner;
import uk.nhs.safety.campaign.api.cluster.NodeState;
import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;

/** The node registry's behaviour, run on H2 and on PostgreSQL by the subclasses. */
abstract class NodeRegistryContract {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    /** Heartbeat 5 s, missing after 3 heartbeats (15 s), purged after 24 h. */
    private static final NodeRegistry.Settings SETTINGS = new NodeRegistry.Settings(Duration.ofSeconds(5), 3,
            Duration.ofHours(24));

    private final MovableClock clock = new MovableClock(T0);
    private final Partners partners = new Partners();
    private FlakyDataSource dataSource;
    private Database database;

    /** An empty database of the test's own. */
    abstract DataSource emptyDatabase();

    private Database database() {
        if (database == null) {
            dataSource = new FlakyDataSource(emptyDatabase());
            database = new Database(dataSource, Migrations.bundled(Clock.fixed(T0, ZoneOffset.UTC)));
        }
        return database;
    }

    private NodeRegistry registry(String id) {
        return new NodeRegistry(database(), new Node(id, T0.minusSeconds(60), "1.2.0"), partners, clock, SETTINGS);
    }

    @Test
    void recordsThisNodeWithItsPartnersAndTheirHealth() {
        partners.installed.add(new PartnerInfo("nhsla", "NHS Resolution", "1.3.0", "b.nhsla", PartnerHealth.up()));
        partners.installed.add(new PartnerInfo("cqc", "CQC", "1.1.0", "b.cqc",
                new PartnerHealth(PartnerHealth.Status.DEGRADED, "inspection feed late")));
        NodeRegistry a = registry("web1");

        assertThat(a.beat()).isTrue();

        assertThat(a.nodes()).containsExactly(new ClusterNode("web1", "1.2.0", T0.minusSeconds(60), T0, NodeState.UP,
                List.of(new NodePartner("cqc", "1.1.0",
                                new PartnerHealth(PartnerHealth.Status.DEGRADED, "inspection feed late")),
                        new NodePartner("nhsla", "1.3.0", PartnerHealth.up()))));
    }

    @Test
    void eachHeartbeatReplacesThePartnersAndRefreshesLastSeen() {
        partners.installed.add(new PartnerInfo("cqc", "CQC", "1.1.0", "b.cqc", PartnerHealth.up()));
        NodeRegistry a = registry("web1");
        a.beat();
        partners.installed.clear();
        clock.now = T0.plusSeconds(5);

        a.beat();

        ClusterNode node = a.nodes().get(0);
        assertThat(node.lastSeen()).isEqualTo(T0.plusSeconds(5));
        assertThat(node.partners()).isEmpty();
    }

    @Test
    void aNodeNotSeenForMoreThanThreeHeartbeatsShowsAsMissing() {
        registry("web1").beat();
        NodeRegistry b = registry("web2");

        // 15 s (3 heartbeats of 5 s) after web1's last heartbeat it is still up; a second later it is missing.
        clock.now = T0.plusSeconds(15);
        b.beat();
        assertThat(b.nodes()).extracting(ClusterNode::id, ClusterNode::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web1", NodeState.UP),
                        org.assertj.core.groups.Tuple.tuple("web2", NodeState.UP));
        clock.now = T0.plusSeconds(16);
        assertThat(b.nodes()).extracting(ClusterNode::id, ClusterNode::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web1", NodeState.MISSING),
                        org.assertj.core.groups.Tuple.tuple("web2", NodeState.UP));
    }

    @Test
    void aCleanStopMarksTheNodeStoppedAndARestartMarksItUpAgain() {
        NodeRegistry a = registry("web1");
        a.beat();
        clock.now = T0.plusSeconds(3);

        a.stop();

        assertThat(registry("web2").nodes()).singleElement().satisfies(n -> {
            assertThat(n.state()).isEqualTo(NodeState.STOPPED);
            assertThat(n.lastSeen()).isEqualTo(T0.plusSeconds(3));
        });
        clock.now = T0.plusSeconds(60);
        NodeRegistry again = registry("web1");
        again.beat();
        assertThat(again.nodes()).singleElement().extracting(ClusterNode::state).isEqualTo(NodeState.UP);
    }

    @Test
    void nodesNotSeenForThePurgePeriodAreDeletedByTheNextHeartbeat() {
        partners.installed.add(new PartnerInfo("cqc", "CQC", "1.1.0", "b.cqc", PartnerHealth.up()));
        NodeRegistry a = registry("web1");
        a.beat();
        a.stop();
        registry("web3").beat(); // killed: never stops cleanly
        NodeRegistry b = registry("web2");

        clock.now = T0.plus(Duration.ofHours(24));
        b.beat();
        assertThat(b.nodes()).extracting(ClusterNode::id).containsExactly("web1", "web2", "web3");

        clock.now = T0.plus(Duration.ofHours(24)).plusSeconds(1);
        b.beat();
        assertThat(b.nodes()).extracting(ClusterNode::id).containsExactly("web2");
    }

    @Test
    void aStoreOutageSkipsHeartbeatsWithoutThrowingAndTheNextHeartbeatRecords() {
        NodeRegistry a = registry("web1");
        a.beat();
        dataSource.down.set(true);
        clock.now = T0.plusSeconds(5);

        assertThat(a.beat()).isFalse();
        assertThat(a.beat()).isFalse();

        dataSource.down.set(false);
        clock.now = T0.plusSeconds(10);
        assertThat(a.beat()).isTrue();
        assertThat(a.nodes().get(0).lastSeen()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void theScheduledHeartbeatKeepsRefreshingLastSeen() {
        Database db = database();
        NodeRegistry a = new NodeRegistry(db, new Node("web1", T0, "1.2.0"), partners, Clock.systemUTC(),
                new NodeRegistry.Settings(Duration.ofMillis(50), 3, Duration.ofHours(1)));
        try {
            a.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !a.nodes().isEmpty());
            Instant first = a.nodes().get(0).lastSeen();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> a.nodes().get(0).lastSeen().isAfter(first));
        } finally {
            a.stop();
        }
        assertThat(a.nodes().get(0).state()).isEqualTo(NodeState.STOPPED);
    }

    @Test
    void refusesSettingsUnderWhichANodeWouldBePurgedBeforeItGoesMissing() {
        assertThatThrownBy(() -> new NodeRegistry.Settings(Duration.ofHours(1), 30, Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purgeAfterHours");
        assertThatThrownBy(() -> new NodeRegistry.Settings(Duration.ofSeconds(5), 1, Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missingAfterHeartbeats");
    }

    private record Node(String id, Instant startedAt, String version) implements LocalNode {
    }

    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

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

    private static final class Partners implements PartnerRegistry {
        final List<PartnerInfo> installed = new CopyOnWriteArrayList<>();

        @Override
        public List<PartnerInfo> partners() {
            return List.copyOf(installed);
        }

        @Override
        public Optional<PartnerInfo> partner(String id) {
            return installed.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override
        public List<Exporter> exporters() {
            return List.of();
        }

        @Override
        public Optional<Exporter> exporter(String name) {
            return Optional.empty();
        }

        @Override
        public List<Importer> importers() {
            return List.of();
        }

        @Override
        public Optional<Importer> importer(String name) {
            return Optional.empty();
        }

        @Override
        public List<EvidenceContributor> evidenceContributors() {
            return List.of();
        }
    }

    /** A data source whose connections fail while {@link #down} is set, as when the database server is gone. */
    private static final class FlakyDataSource implements DataSource {
        final AtomicBoolean down = new AtomicBoolean();
        private final DataSource target;

        FlakyDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
