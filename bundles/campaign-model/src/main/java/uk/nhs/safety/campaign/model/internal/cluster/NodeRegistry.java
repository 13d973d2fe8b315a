package uk.nhs.safety.campaign.model.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
import uk.nhs.safety.campaign.api.cluster.Cluster;
import uk.nhs.safety.campaign.api.cluster.ClusterNode;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.cluster.NodePartner;
import uk.nhs.safety.campaign.api.cluster.NodeState;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;

/**
 * The nodes sharing the database ({@code cluster_node}, {@code cluster_node_partner}): this node records itself and
 * its partners' health every heartbeat on a thread of its own, marks itself stopped on a clean shutdown, and purges
 * rows not seen for {@code purgeAfterHours}. A store outage only skips heartbeats (logged once when it begins and
 * once when it ends); the heartbeat goes on.
 */
@Component(service = Cluster.class, configurationPid = NodeRegistry.PID, immediate = true)
@Designate(ocd = NodeRegistry.Config.class)
public final class NodeRegistry implements Cluster {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.cluster";

    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);
    private static final int DETAIL_MAX = 1000;
    private static final int TEXT_MAX = 100;

    /** How often a node records itself, and when it counts as missing. */
    @ObjectClassDefinition(name = "Sign up to Safety cluster",
            description = "How the nodes sharing the campaign database record themselves (safety:cluster, /api/health)")
    public @interface Config {
        @AttributeDefinition(name = "Heartbeat (seconds)", min = "1", max = "3600",
                description = "How often this node refreshes its row (last seen) and its partners' health")
        int heartbeatSeconds() default 5;

        @AttributeDefinition(name = "Missing after (heartbeats)", min = "2", max = "1000",
                description = "A node not seen for this many heartbeats shows as MISSING")
        int missingAfterHeartbeats() default 3;

        @AttributeDefinition(name = "Purge after (hours)", min = "1", max = "8760",
                description = "Rows of nodes not seen (stopped or missing) for this long are deleted")
        int purgeAfterHours() default 24;
    }

    /**
     * @param heartbeat    how often this node records itself
     * @param missingAfter heartbeats without a sign of life after which a node shows as missing
     * @param purgeAfter   how long a node not seen stays listed
     */
    public record Settings(Duration heartbeat, int missingAfter, Duration purgeAfter) {

        public Settings {
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("heartbeatSeconds: must be positive, not " + heartbeat);
            }
            if (missingAfter < 2) {
                throw new IllegalArgumentException("missingAfterHeartbeats: must be at least 2, not " + missingAfter);
            }
            if (purgeAfter.compareTo(heartbeat.multipliedBy(missingAfter)) <= 0) {
                throw new IllegalArgumentException("purgeAfterHours: must be longer than a node takes to go missing, not "
                        + purgeAfter);
            }
        }

        static Settings of(Config config) {
            return new Settings(Duration.ofSeconds(config.heartbeatSeconds()), config.missingAfterHeartbeats(),
                    Duration.ofHours(config.purgeAfterHours()));
        }

        Duration missing() {
            return heartbeat.multipliedBy(missingAfter);
        }
    }

    private final Database db;
    private final LocalNode node;
    private final PartnerRegistry partners;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile Settings settings;
    private ScheduledFuture<?> heartbeat;
    /** Whether the last heartbeat was recorded; {@code null} before the first one. Heartbeat thread only. */
    private Boolean recording;

    @Activate
    public NodeRegistry(@Reference Database db, @Reference LocalNode node, @Reference PartnerRegistry partners,
                        Config config) {
        this(db, node, partners, Clock.systemUTC(), Settings.of(config));
        start();
    }

    /** Records nothing until {@link #start()} or {@link #beat()}. */
    public NodeRegistry(Database db, LocalNode node, PartnerRegistry partners, Clock clock, Settings settings) {
        this.db = db;
        this.node = node;
        this.partners = partners;
        this.clock = clock;
        this.settings = settings;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "safety-cluster-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the heartbeat: one now, then one every {@link Settings#heartbeat()}. */
    public synchronized void start() {
        schedule();
    }

    @Modified
    synchronized void modified(Config config) {
        Settings changed = Settings.of(config);
        if (!changed.equals(settings)) {
            settings = changed;
            LOG.info("Cluster settings changed: {}", changed);
            if (heartbeat != null) {
                heartbeat.cancel(false);
                schedule();
            }
        }
    }

    /** Stops the heartbeat and marks this node stopped (a failure to do so is logged; the node then goes missing). */
    @Deactivate
    public synchronized void stop() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The cluster heartbeat did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the cluster heartbeat; marking node {} stopped anyway", node.id());
        }
        try {
            Instant now = clock.instant();
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE cluster_node SET last_seen = ?, stopped_at = ? WHERE id = ?")) {
                    Sql.setInstant(ps, 1, now);
                    Sql.setInstant(ps, 2, now);
                    ps.setString(3, node.id());
                    return ps.executeUpdate();
                }
            });
            LOG.info("Node {} marked stopped in the cluster table", node.id());
        } catch (RuntimeException e) {
            LOG.warn("Could not mark node {} stopped ({}); other nodes will show it as missing", node.id(),
                    e.getMessage(), e);
        }
    }

    private void schedule() {
        long millis = settings.heartbeat().toMillis();
        heartbeat = executor.scheduleWithFixedDelay(this::beat, 0, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * One heartbeat: records this node and its partners' health now, and purges rows not seen for
     * {@link Settings#purgeAfter()}. Never throws, so that the scheduled heartbeat survives a store outage.
     *
     * @return whether it was recorded
     */
    public boolean beat() {
        try {
            record();
            if (!Boolean.TRUE.equals(recording)) {
                LOG.info(recording == null ? "Node {} recorded in the cluster table (heartbeat every {} s)"
                        : "Node {} recorded in the cluster table again (heartbeat every {} s)", node.id(),
                        settings.heartbeat().toSeconds());
            }
            recording = Boolean.TRUE;
            return true;
        } catch (StoreUnavailableException e) {
            // Expected while the database is away (the store logs that itself): no stack trace.
            failed(e, recording == null, false);
            return false;
        } catch (RuntimeException e) {
            failed(e, false, true);
            return false;
        }
    }

    private void failed(RuntimeException e, boolean starting, boolean trace) {
        if (starting) {
            // The store opens in the background after start: nothing to report yet.
            LOG.debug("Node {} not recorded yet: {}", node.id(), e.getMessage());
        } else if (!Boolean.FALSE.equals(recording)) {
            String message = "Node {} cannot record its heartbeat: {}; retrying every {} s (logged once until it works)";
            if (trace) {
                LOG.warn(message, node.id(), e.getMessage(), settings.heartbeat().toSeconds(), e);
            } else {
                LOG.warn(message, node.id(), e.getMessage(), settings.heartbeat().toSeconds());
            }
            recording = Boolean.FALSE;
        } else {
            LOG.debug("Heartbeat of node {} still failing: {}", node.id(), e.getMessage());
        }
    }

    private void record() {
        List<PartnerInfo> installed = partners.partners();
        Instant now = clock.instant();
        Instant purgeBefore = now.minus(settings.purgeAfter());
        db.inTransaction(c -> {
            upsertNode(c, now);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cluster_node_partner WHERE node_id = ?")) {
                ps.setString(1, node.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_node_partner"
                    + " (node_id, partner_id, version, status, detail) VALUES (?, ?, ?, ?, ?)")) {
                for (PartnerInfo p : installed) {
                    PartnerHealth health = p.health() == null
                            ? new PartnerHealth(PartnerHealth.Status.DOWN, "no health reported") : p.health();
                    ps.setString(1, node.id());
                    ps.setString(2, cut(p.id(), TEXT_MAX));
                    ps.setString(3, cut(p.version() == null ? "" : p.version(), TEXT_MAX));
                    ps.setString(4, health.status().name());
                    ps.setString(5, health.detail() == null ? null : cut(health.detail(), DETAIL_MAX));
                    ps.addBatch();
                }
                if (!installed.isEmpty()) {
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cluster_node_partner WHERE node_id IN"
                    + " (SELECT id FROM cluster_node WHERE last_seen < ? AND id <> ?)")) {
                Sql.setInstant(ps, 1, purgeBefore);
                ps.setString(2, node.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM cluster_node WHERE last_seen < ? AND id <> ?")) {
                Sql.setInstant(ps, 1, purgeBefore);
                ps.setString(2, node.id());
                int purged = ps.executeUpdate();
                if (purged > 0) {
                    LOG.info("Purged {} node(s) not seen since {}", purged, purgeBefore);
                }
            }
            return null;
        });
    }

    private void upsertNode(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_node SET version = ?, started_at = ?,"
                + " last_seen = ?, stopped_at = NULL WHERE id = ?")) {
            ps.setString(1, cut(node.version(), TEXT_MAX));
            Sql.setInstant(ps, 2, node.startedAt());
            Sql.setInstant(ps, 3, now);
            ps.setString(4, node.id());
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_node"
                + " (id, version, started_at, last_seen, stopped_at) VALUES (?, ?, ?, ?, NULL)")) {
            ps.setString(1, node.id());
            ps.setString(2, cut(node.version(), TEXT_MAX));
            Sql.setInstant(ps, 3, node.startedAt());
            Sql.setInstant(ps, 4, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new CampaignException("another node records itself with this node's id " + node.id()
                        + ": give each node its own id (PID uk.nhs.safety.campaign.node)");
            }
            throw e;
        }
    }

    @Override
    public List<ClusterNode> nodes() {
        Instant now = clock.instant();
        Instant missingBefore = now.minus(settings.missing());
        return db.read(c -> {
            Map<String, ClusterNode> nodes = new LinkedHashMap<>();
            Map<String, List<NodePartner>> partnersByNode = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT n.id, n.version, n.started_at, n.last_seen,"
                    + " n.stopped_at, p.partner_id, p.version AS partner_version, p.status, p.detail"
                    + " FROM cluster_node n LEFT JOIN cluster_node_partner p ON p.node_id = n.id"
                    + " ORDER BY n.id, p.partner_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    List<NodePartner> list = partnersByNode.computeIfAbsent(id, k -> new ArrayList<>());
                    if (!nodes.containsKey(id)) {
                        Instant lastSeen = Sql.instant(rs, "last_seen");
                        NodeState state = Sql.instant(rs, "stopped_at") != null ? NodeState.STOPPED
                                : lastSeen.isBefore(missingBefore) ? NodeState.MISSING : NodeState.UP;
                        nodes.put(id, new ClusterNode(id, rs.getString("version"), Sql.instant(rs, "started_at"),
                                lastSeen, state, List.of()));
                    }
                    String partner = rs.getString("partner_id");
                    if (partner != null) {
                        list.add(new NodePartner(partner, rs.getString("partner_version"), new PartnerHealth(
                                PartnerHealth.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                                rs.getString("detail"))));
                    }
                }
            }
            return nodes.values().stream().map(n -> new ClusterNode(n.id(), n.version(), n.startedAt(),
                    n.lastSeen(), n.state(), partnersByNode.get(n.id()))).toList();
        });
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
