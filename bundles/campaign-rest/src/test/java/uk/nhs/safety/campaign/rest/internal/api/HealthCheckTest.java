package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.Caller;
import uk.nhs.safety.partner.testkit.FakePartnerRegistry;

class HealthCheckTest {

    private final PartnerRegistry registry = new FakePartnerRegistry(new PartnerInfo("cqc",
            "Care Quality Commission", "1.0", "b", new PartnerHealth(PartnerHealth.Status.DEGRADED, "slow")));

    private final RequestPipeline pipeline = new RequestPipeline((a, r) -> Caller.ANONYMOUS, new Json());

    @Test
    void isUpWhenTheStoreAnswersWhateverThePartnersSay() {
        HealthCheck check = new HealthCheck(() -> new FakeCampaign().services().members(), () -> registry);

        HealthCheck.Health health = check.health();

        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.database().status()).isEqualTo("UP");
        assertThat(health.partners()).containsExactly(new HealthCheck.PartnerStatus("cqc", "DEGRADED", "slow"));
    }

    @Test
    void staysUpAndNamesAPartnerThatFailedToStartWithTheReason() {
        PartnerRegistry withFailed = new FakePartnerRegistry(new PartnerInfo("acme", "Acme", "0.1.0",
                "org.acme.partner", new PartnerHealth(PartnerHealth.Status.FAILED,
                "component org.acme.AcmePartner waits for its configuration (PID org.acme)")));
        HealthCheck check = new HealthCheck(() -> new FakeCampaign().services().members(), () -> withFailed);

        Renderer.Rendered out = pipeline.process(FakeRequest.of("GET", "/"), check, () -> RestSettings.DEFAULTS);

        assertThat(out.status()).isEqualTo(200);
        assertThat(new String(out.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":\"UP\"",
                "\"partners\":[{\"id\":\"acme\",\"status\":\"FAILED\",\"detail\":\"component"
                        + " org.acme.AcmePartner waits for its configuration (PID org.acme)\"}]");
    }

    @Test
    void namesThisNodeAndListsEveryNodeWithItsPartnersWithoutLettingAMissingNodeChangeTheStatus() {
        java.time.Instant started = java.time.Instant.parse("2026-12-03T09:00:00Z");
        java.time.Instant seen = java.time.Instant.parse("2026-12-03T09:10:05Z");
        uk.nhs.safety.campaign.api.cluster.Cluster cluster = () -> List.of(
                new uk.nhs.safety.campaign.api.cluster.ClusterNode("web1", "1.2.0", started, seen,
                        uk.nhs.safety.campaign.api.cluster.NodeState.UP, List.of(
                        new uk.nhs.safety.campaign.api.cluster.NodePartner("cqc", "1.0",
                                new PartnerHealth(PartnerHealth.Status.DEGRADED, "slow")))),
                new uk.nhs.safety.campaign.api.cluster.ClusterNode("web2", "1.2.0", started, started,
                        uk.nhs.safety.campaign.api.cluster.NodeState.MISSING, List.of()));
        uk.nhs.safety.campaign.api.cluster.LocalNode web1 = new uk.nhs.safety.campaign.api.cluster.LocalNode() {
            @Override
            public String id() {
                return "web1";
            }

            @Override
            public java.time.Instant startedAt() {
                return started;
            }

            @Override
            public String version() {
                return "1.2.0";
            }
        };
        HealthCheck check = new HealthCheck(() -> new FakeCampaign().services().members(), () -> registry,
                () -> web1, () -> cluster);

        Renderer.Rendered out = pipeline.process(FakeRequest.of("GET", "/"), check, () -> RestSettings.DEFAULTS);

        assertThat(out.status()).isEqualTo(200);
        assertThat(new String(out.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(
                "\"status\":\"UP\"",
                "\"partners\":[{\"id\":\"cqc\",\"status\":\"DEGRADED\",\"detail\":\"slow\"}]",
                "\"node\":\"web1\"",
                "\"nodes\":[{\"id\":\"web1\",\"version\":\"1.2.0\",\"startedAt\":\"2026-12-03T09:00:00Z\","
                        + "\"lastSeen\":\"2026-12-03T09:10:05Z\",\"state\":\"UP\",\"partners\":[{\"id\":\"cqc\","
                        + "\"version\":\"1.0\",\"status\":\"DEGRADED\"}]},{\"id\":\"web2\"",
                "\"state\":\"MISSING\",\"partners\":[]}]");
    }

    @Test
    void isDownWith503AndNeverCachedWhileCoreIsNotRunning() {
        HealthCheck check = new HealthCheck(() -> null, () -> null);

        Renderer.Rendered out = pipeline.process(FakeRequest.of("GET", "/"), check, () -> RestSettings.DEFAULTS);

        assertThat(out.status()).isEqualTo(503);
        assertThat(new String(out.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":\"DOWN\"");
        assertThat(out.header("Cache-Control")).isEqualTo("no-store");
        assertThat(out.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void isDownWhenTheDatabaseStopsAnswering() {
        var failing = new FakeCampaign().services().members();
        HealthCheck check = new HealthCheck(() -> new uk.nhs.safety.campaign.api.MemberService() {
            @Override
            public uk.nhs.safety.campaign.api.ImportResult importOdsExtract(String a, java.io.Reader s, String n) {
                return failing.importOdsExtract(a, s, n);
            }

            @Override
            public uk.nhs.safety.campaign.api.Member join(String a, uk.nhs.safety.campaign.api.NewMember m) {
                return failing.join(a, m);
            }

            @Override
            public uk.nhs.safety.campaign.api.Member withdraw(String a, String o, long v) {
                return failing.withdraw(a, o, v);
            }

            @Override
            public Optional<uk.nhs.safety.campaign.api.Member> find(String o) {
                return failing.find(o);
            }

            @Override
            public uk.nhs.safety.campaign.api.Page<uk.nhs.safety.campaign.api.Member> list(
                    uk.nhs.safety.campaign.api.MemberQuery q) {
                throw new uk.nhs.safety.campaign.api.CampaignException("database unavailable: connection refused");
            }

            @Override
            public uk.nhs.safety.campaign.api.CampaignSummary summary() {
                return failing.summary();
            }
        }, () -> registry);

        HealthCheck.Health health = check.health();

        assertThat(health.status()).isEqualTo("DOWN");
        assertThat(health.database().status()).isEqualTo("DOWN");
        assertThat(health.migrations().status()).isEqualTo("UP");
    }

    @Test
    void isDownWithTheStoresReasonWhileTheStoreIsNotOpen() {
        MemberService unavailable = (MemberService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MemberService.class}, (proxy, method, args) -> {
                    throw new StoreUnavailableException("the campaign store is not available: the database is empty,"
                            + " but this node has held data in database d-1", 4);
                });
        HealthCheck check = new HealthCheck(() -> unavailable,
                () -> registry);

        Renderer.Rendered out = pipeline.process(FakeRequest.of("GET", "/"), check, () -> RestSettings.DEFAULTS);
        HealthCheck.Health health = check.health();

        assertThat(out.status()).isEqualTo(503);
        assertThat(health.status()).isEqualTo("DOWN");
        assertThat(health.reason()).isEqualTo("the campaign store is not available: the database is empty, but this"
                + " node has held data in database d-1");
        assertThat(health.database().status()).isEqualTo("DOWN");
        assertThat(health.migrations().status()).isEqualTo("DOWN");
    }

    @Test
    void hasNoReasonWhenUp() {
        HealthCheck check = new HealthCheck(() -> new FakeCampaign().services().members(), () -> registry);

        assertThat(check.health().reason()).isNull();
    }

    @Test
    void answersOnlyGetAtItsOwnPath() {
        HealthCheck check = new HealthCheck(() -> null, () -> null);

        assertThat(pipeline.process(FakeRequest.of("POST", "/"), check, () -> RestSettings.DEFAULTS).status())
                .isEqualTo(405);
    }
}
