package uk.nhs.safety.campaign.rest.internal.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import uk.nhs.safety.campaign.api.cluster.Cluster;
import uk.nhs.safety.campaign.api.cluster.ClusterNode;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.cluster.NodeState;
import uk.nhs.safety.campaign.api.metrics.EventLag;
import uk.nhs.safety.campaign.api.metrics.PlatformMetrics;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/**
 * This node's metrics, kept with the Prometheus Java client (a registry of this component's own, never the static
 * default one) and served by {@link MetricsEndpoint}. Counted as they happen: HTTP requests by route template (never
 * the raw path, so the number of series stays bounded), imports. Read on each scrape: partner states, the cluster's
 * nodes, the event log's lag, the connection pool (Hikari's MBeans), the JVM. Recording a request touches only the
 * client's lock-free counters. Thread-safe.
 */
@Component(service = {PrometheusMetrics.class, PlatformMetrics.class})
public final class PrometheusMetrics implements PlatformMetrics {

    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMetrics.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String HIKARI_POOLS = "com.zaxxer.hikari:type=Pool (*)";
    private static final String UNKNOWN = "unknown";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram requests;
    private final Histogram imports;
    private final Counter importRows;
    private final List<EventLag> lags = new CopyOnWriteArrayList<>();
    private final MBeanServer mbeans;
    private volatile Supplier<PartnerRegistry> partners = () -> null;
    private volatile Supplier<Cluster> cluster = () -> null;
    private volatile Supplier<LocalNode> node = () -> null;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerRegistry partnerRegistry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Cluster clusterService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LocalNode localNode;

    @Activate
    public PrometheusMetrics() {
        this(true, ManagementFactory.getPlatformMBeanServer());
        partners = () -> partnerRegistry;
        cluster = () -> clusterService;
        node = () -> localNode;
    }

    /**
     * @param jvm    whether to include the JVM's metrics (memory, GC, threads, classes, CPU)
     * @param mbeans where to find the connection pool's MBeans
     */
    public PrometheusMetrics(boolean jvm, MBeanServer mbeans) {
        this.mbeans = mbeans;
        requests = Histogram.builder().name("safety_http_request_duration_seconds")
                .help("HTTP API requests by route template, method and status, and how long they took")
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                .labelNames("route", "method", "status")
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).classicOnly()
                .register(registry);
        imports = Histogram.builder().name("safety_import_duration_seconds")
                .help("Partner imports by partner, importer and outcome, and how long they took")
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                .labelNames("partner", "importer", "outcome")
                .classicUpperBounds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900).classicOnly()
                .register(registry);
        importRows = Counter.builder().name("safety_import_rows")
                .help("Rows read by partner imports, by partner and importer")
                .labelNames("partner", "importer").register(registry);
        GaugeWithCallback.builder().name("safety_partner_status")
                .help("Each installed partner's health: 1 for its current status, 0 for the others")
                .labelNames("partner", "status").callback(cb -> {
                    PartnerRegistry registryNow = partners.get();
                    if (registryNow == null) {
                        return;
                    }
                    for (PartnerInfo p : registryNow.partners()) {
                        PartnerHealth.Status current = p.health() == null ? PartnerHealth.Status.DOWN
                                : p.health().status();
                        for (PartnerHealth.Status s : PartnerHealth.Status.values()) {
                            cb.call(s == current ? 1 : 0, p.id(), s.name());
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("safety_node_info")
                .help("This node: its id and the version of the platform's core (always 1)")
                .labelNames("node", "version").callback(cb -> {
                    LocalNode local = node.get();
                    if (local != null) {
                        cb.call(1, local.id(), local.version());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("safety_cluster_nodes")
                .help("Nodes recorded in the shared database, by state (as this node sees them)")
                .labelNames("state").callback(cb -> {
                    Cluster c = cluster.get();
                    if (c == null) {
                        return;
                    }
                    Map<NodeState, Integer> counts = new EnumMap<>(NodeState.class);
                    for (NodeState s : NodeState.values()) {
                        counts.put(s, 0);
                    }
                    try {
                        for (ClusterNode n : c.nodes()) {
                            counts.merge(n.state(), 1, Integer::sum);
                        }
                    } catch (RuntimeException e) {
                        // The store is down: /api/health says so; the scrape goes on without this gauge.
                        LOG.debug("metrics: cannot read the cluster's nodes: {}", e.getMessage());
                        return;
                    }
                    counts.forEach((s, n) -> cb.call(n, s.name()));
                }).register(registry);
        GaugeWithCallback.builder().name("safety_event_lag_events")
                .help("Events each subscriber of the event log has yet to receive")
                .labelNames("subscriber").callback(cb -> {
                    for (EventLag lag : lags) {
                        try {
                            lag.eventsBehindBySubscriber().forEach((subscriber, behind) ->
                                    cb.call(behind, subscriber));
                        } catch (RuntimeException e) {
                            LOG.warn("metrics: an event-lag source failed: {}", e.getMessage(), e);
                        }
                    }
                }).register(registry);
        poolGauge("safety_db_pool_active_connections", "Connections in use", "ActiveConnections");
        poolGauge("safety_db_pool_idle_connections", "Idle connections", "IdleConnections");
        poolGauge("safety_db_pool_connections", "Connections open (in use and idle)", "TotalConnections");
        poolGauge("safety_db_pool_pending_threads", "Threads waiting for a connection", "ThreadsAwaitingConnection");
        if (jvm) {
            JvmBasics.register(registry);
        }
    }

    /** Reads one attribute of every Hikari pool's MBean (registered when the pool has registerMbeans=true). */
    private void poolGauge(String name, String help, String attribute) {
        GaugeWithCallback.builder().name(name).help(help + " in the database connection pool (HikariCP, by pool)")
                .labelNames("pool").callback(cb -> {
                    try {
                        for (ObjectName pool : mbeans.queryNames(new ObjectName(HIKARI_POOLS), null)) {
                            Object value = mbeans.getAttribute(pool, attribute);
                            if (value instanceof Number n) {
                                cb.call(n.doubleValue(), poolName(pool));
                            }
                        }
                    } catch (MalformedObjectNameException e) {
                        throw new IllegalStateException(e);
                    } catch (Exception e) {
                        // A pool closing between query and read: skipped this scrape.
                        LOG.debug("metrics: cannot read the pool's {}: {}", attribute, e.getMessage());
                    }
                }).register(registry);
    }

    /** {@code com.zaxxer.hikari:type=Pool (safety)} → {@code safety}. */
    static String poolName(ObjectName name) {
        String type = name.getKeyProperty("type");
        int open = type.indexOf('(');
        int close = type.lastIndexOf(')');
        return open >= 0 && close > open ? type.substring(open + 1, close) : type;
    }

    @Reference(service = EventLag.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addEventLag(EventLag lag) {
        lags.add(lag);
    }

    void removeEventLag(EventLag lag) {
        lags.remove(lag);
    }

    /** For tests: where partner states, the cluster and this node are read from. */
    void sources(Supplier<PartnerRegistry> partnerSource, Supplier<Cluster> clusterSource,
                 Supplier<LocalNode> nodeSource) {
        this.partners = partnerSource;
        this.cluster = clusterSource;
        this.node = nodeSource;
    }

    /**
     * One HTTP request answered.
     *
     * @param route  the route template, e.g. {@code /api/v1/members/{ods}} ({@code null}: no route matched)
     * @param method the request's method (anything but the standard ones is counted as {@code OTHER})
     * @param status the response's status
     * @param nanos  how long it took
     */
    public void requestServed(String route, String method, int status, long nanos) {
        String m = METHODS.contains(method) ? method : "OTHER";
        requests.labelValues(route == null ? "(unmatched)" : route, m, Integer.toString(status))
                .observe(nanos / 1e9);
    }

    @Override
    public void importFinished(String partner, String importer, Duration took, long rows, boolean succeeded) {
        String p = partner == null ? UNKNOWN : partner;
        String i = importer == null ? UNKNOWN : importer;
        imports.labelValues(p, i, succeeded ? "committed" : "failed")
                .observe(took == null ? 0 : took.toNanos() / 1e9);
        if (rows > 0) {
            importRows.labelValues(p, i).inc(rows);
        }
    }

    /** Every metric now, in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics", e);
        }
        return out.toByteArray();
    }
}
