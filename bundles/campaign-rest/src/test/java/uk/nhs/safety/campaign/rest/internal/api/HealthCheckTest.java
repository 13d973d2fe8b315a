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
        assertThat(health.partners()).containsExactly(new HealthCheck.PartnerStatus("cqc", "DEGRADED"));
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
