package uk.nhs.safety.campaign.rest.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.cluster.Cluster;
import uk.nhs.safety.campaign.api.cluster.ClusterNode;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.cluster.NodeState;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

class PrometheusMetricsTest {

    private final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
    private final PrometheusMetrics metrics = new PrometheusMetrics(false, mbeans);

    private String text() {
        return new String(metrics.scrape(), StandardCharsets.UTF_8);
    }

    @Test
    void countsRequestsPerRouteTemplateInLatencyBucketsInThePrometheusTextFormat() {
        // 2 ms and 30 ms: both in every bucket from 0.05 s up, only the first in 0.005..0.025; sum 0.032 s.
        metrics.requestServed("/api/v1/members/{ods}", "GET", 200, 2_000_000);
        metrics.requestServed("/api/v1/members/{ods}", "GET", 200, 30_000_000);

        assertThat(text()).contains(
                "# HELP safety_http_request_duration_seconds HTTP API requests by route template, method and status,"
                        + " and how long they took\n"
                        + "# TYPE safety_http_request_duration_seconds histogram\n"
                        + "safety_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/members/{ods}\","
                        + "status=\"200\",le=\"0.005\"} 1\n"
                        + "safety_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/members/{ods}\","
                        + "status=\"200\",le=\"0.01\"} 1\n"
                        + "safety_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/members/{ods}\","
                        + "status=\"200\",le=\"0.025\"} 1\n"
                        + "safety_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/members/{ods}\","
                        + "status=\"200\",le=\"0.05\"} 2\n",
                "safety_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/members/{ods}\","
                        + "status=\"200\",le=\"+Inf\"} 2\n"
                        + "safety_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/members/{ods}\","
                        + "status=\"200\"} 2\n"
                        + "safety_http_request_duration_seconds_sum{method=\"GET\",route=\"/api/v1/members/{ods}\","
                        + "status=\"200\"} 0.032\n");
    }

    @Test
    void boundsTheLabelsOfRequestsThatMatchNoRouteOrUseAnOddMethod() {
        metrics.requestServed(null, "BREW", 404, 1_000_000);

        assertThat(text()).contains("safety_http_request_duration_seconds_count{method=\"OTHER\","
                + "route=\"(unmatched)\",status=\"404\"} 1\n");
    }

    @Test
    void countsImportsByOutcomeAndTheRowsTheyRead() {
        metrics.importFinished("nhsla", "claims", Duration.ofSeconds(2), 1000, true);
        metrics.importFinished("nhsla", "claims", Duration.ofSeconds(40), 250, true);
        metrics.importFinished("nhsla", "claims", Duration.ofMillis(300), 0, false);

        assertThat(text()).contains(
                "safety_import_duration_seconds_count{importer=\"claims\",outcome=\"committed\",partner=\"nhsla\"} 2\n"
                        + "safety_import_duration_seconds_sum{importer=\"claims\",outcome=\"committed\","
                        + "partner=\"nhsla\"} 42.0\n",
                "safety_import_duration_seconds_count{importer=\"claims\",outcome=\"failed\",partner=\"nhsla\"} 1\n",
                "# TYPE safety_import_rows_total counter\n"
                        + "safety_import_rows_total{importer=\"claims\",partner=\"nhsla\"} 1250.0\n");
    }

    @Test
    void readsPartnerStatesTheClusterAndEventLagOnEachScrape() {
        PartnerRegistry partners = (PartnerRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PartnerRegistry.class}, (p, m, a) -> "partners".equals(m.getName())
                        ? List.of(new PartnerInfo("cqc", "CQC", "1.1.0", "b",
                        new PartnerHealth(PartnerHealth.Status.DEGRADED, "late"))) : null);
        Instant t = Instant.parse("2026-12-03T09:00:00Z");
        Cluster cluster = () -> List.of(new ClusterNode("web1", "1.0", t, t, NodeState.UP, List.of()),
                new ClusterNode("web2", "1.0", t, t, NodeState.MISSING, List.of()),
                new ClusterNode("web3", "1.0", t, t, NodeState.UP, List.of()));
        LocalNode node = new LocalNode() {
            @Override
            public String id() {
                return "web1";
            }

            @Override
            public Instant startedAt() {
                return t;
            }

            @Override
            public String version() {
                return "1.0.0";
            }
        };
        metrics.sources(() -> partners, () -> cluster, () -> node);
        metrics.addEventLag(() -> Map.of("partner-nhsi", 3L));

        assertThat(text()).contains(
                "safety_partner_status{partner=\"cqc\",status=\"DEGRADED\"} 1.0\n",
                "safety_partner_status{partner=\"cqc\",status=\"DOWN\"} 0.0\n",
                "safety_partner_status{partner=\"cqc\",status=\"UP\"} 0.0\n",
                "safety_node_info{node=\"web1\",version=\"1.0.0\"} 1.0\n",
                "safety_cluster_nodes{state=\"MISSING\"} 1.0\n",
                "safety_cluster_nodes{state=\"STOPPED\"} 0.0\n",
                "safety_cluster_nodes{state=\"UP\"} 2.0\n",
                "safety_event_lag_events{subscriber=\"partner-nhsi\"} 3.0\n");
    }

    /** The attributes of HikariCP's pool MBean that the metrics read. */
    public interface PoolMXBean {
        int getActiveConnections();

        int getIdleConnections();

        int getTotalConnections();

        int getThreadsAwaitingConnection();
    }

    @Test
    void readsTheConnectionPoolFromHikarisMBeans() throws Exception {
        PoolMXBean pool = new PoolMXBean() {
            @Override
            public int getActiveConnections() {
                return 3;
            }

            @Override
            public int getIdleConnections() {
                return 7;
            }

            @Override
            public int getTotalConnections() {
                return 10;
            }

            @Override
            public int getThreadsAwaitingConnection() {
                return 1;
            }
        };
        mbeans.registerMBean(new javax.management.StandardMBean(pool, PoolMXBean.class, true),
                new ObjectName("com.zaxxer.hikari:type=Pool (safety)"));

        assertThat(text()).contains(
                "safety_db_pool_active_connections{pool=\"safety\"} 3.0\n",
                "safety_db_pool_idle_connections{pool=\"safety\"} 7.0\n",
                "safety_db_pool_connections{pool=\"safety\"} 10.0\n",
                "safety_db_pool_pending_threads{pool=\"safety\"} 1.0\n");
    }

    @Test
    void includesTheJvmsMetricsWhenAsked() {
        PrometheusMetrics withJvm = new PrometheusMetrics(true, ManagementFactory.getPlatformMBeanServer());

        assertThat(new String(withJvm.scrape(), StandardCharsets.UTF_8))
                .contains("# TYPE jvm_memory_used_bytes gauge", "jvm_memory_used_bytes{area=\"heap\"}",
                        "# TYPE jvm_threads_current gauge", "# TYPE jvm_gc_collections_total counter");
    }
}
