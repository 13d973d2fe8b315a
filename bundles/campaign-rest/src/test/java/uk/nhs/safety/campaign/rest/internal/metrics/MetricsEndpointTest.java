package uk.nhs.safety.campaign.rest.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.management.MBeanServerFactory;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.rest.internal.api.RequestPipeline;
import uk.nhs.safety.campaign.rest.internal.api.RestSettings;
import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

class MetricsEndpointTest {

    private final PrometheusMetrics metrics = new PrometheusMetrics(false, MBeanServerFactory.newMBeanServer());
    private final MetricsEndpoint endpoint = new MetricsEndpoint(metrics);

    private Renderer.Rendered get(Caller caller) {
        return new RequestPipeline((a, r) -> caller, new Json())
                .process(FakeRequest.of("GET", "/"), endpoint, () -> RestSettings.DEFAULTS);
    }

    @Test
    void asksAnonymousCallersToAuthenticate() {
        Renderer.Rendered out = get(Caller.ANONYMOUS);

        assertThat(out.status()).isEqualTo(401);
        assertThat(out.header("WWW-Authenticate")).contains("Basic");
    }

    @Test
    void refusesUsersWithoutTheAdminOrMetricsRole() {
        assertThat(get(new Caller("olive", Set.of("operator"))).status()).isEqualTo(403);
    }

    @Test
    void answersAdminsAndTheMetricsRoleInThePrometheusTextFormatNeverCached() {
        metrics.requestServed("/api/health", "GET", 200, 1_000_000);

        for (Caller caller : Set.of(new Caller("admin", Set.of("admin")),
                new Caller("prometheus", Set.of("metrics")))) {
            Renderer.Rendered out = get(caller);
            assertThat(out.status()).isEqualTo(200);
            assertThat(out.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(out.header("Cache-Control")).isEqualTo("no-store");
            assertThat(new String(out.body(), StandardCharsets.UTF_8)).contains(
                    "safety_http_request_duration_seconds_count{method=\"GET\",route=\"/api/health\",status=\"200\"} 1");
        }
    }
}
