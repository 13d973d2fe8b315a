package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** Partner installs (admins) and the dispatch of {@code /partners/{id}/...} to a partner's own routes. */
class PartnersResourceTest extends ApiTestSupport {

    private final List<PartnerRequest> partnerCalls = new ArrayList<>();

    private PartnerRoutes echo(String id, int size) {
        return new PartnerRoutes() {
            @Override
            public String partnerId() {
                return id;
            }

            @Override
            public PartnerResponse handle(PartnerRequest request) {
                partnerCalls.add(request);
                return new PartnerResponse(200, "text/plain", "x".repeat(size).getBytes(StandardCharsets.UTF_8),
                        Map.of("X-Frame-Options", "SAMEORIGIN", "Content-Disposition", "inline"));
            }
        };
    }

    private PartnerRoutes refusing(PartnerProblem problem) {
        return new PartnerRoutes() {
            @Override
            public String partnerId() {
                return "nhsi";
            }

            @Override
            public RouteAccess access(String method, String path) {
                return RouteAccess.AUTHENTICATED;
            }

            @Override
            public PartnerResponse handle(PartnerRequest request) {
                partnerCalls.add(request);
                throw problem;
            }
        };
    }

    private PartnerRoutes publicCached(String id) {
        return new PartnerRoutes() {
            @Override
            public String partnerId() {
                return id;
            }

            @Override
            public RouteAccess access(String method, String path) {
                return RouteAccess.PUBLIC;
            }

            @Override
            public PartnerResponse handle(PartnerRequest request) {
                return PartnerResponse.json(200, "{\"ok\":true}").cacheFor(java.time.Duration.ofMinutes(10));
            }
        };
    }

    @Test
    void installsAPartnerForAnAdminWithTheAdminAsActorAndAnswersWhatWasDone() throws IOException {
        Renderer.Rendered out = send(as("Basic admin", "POST", "/admin/partners/install").body("application/json",
                "{\"repositoryUrl\":\"mvn:org.example/partner-foo/1.0.0/xml/features\","
                        + "\"feature\":\"safety-partner-foo\"}"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(campaign.installs).containsExactly(
                "install mvn:org.example/partner-foo/1.0.0/xml/features safety-partner-foo false alice");
        JsonNode change = body(out);
        assertThat(change.path("action").asText()).isEqualTo("installed");
        assertThat(change.path("installed").toString()).isEqualTo("[\"mvn:org.example/partner-foo/1.0.0\"]");
        assertThat(change.path("tookMillis").asLong()).isEqualTo(1234);
    }

    @Test
    void answersARefusedPartnerInstallWith409NamingTheCheckAndTheBundles() throws IOException {
        campaign.refusal = new uk.nhs.safety.campaign.api.deploy.InstallRefusedException(
                uk.nhs.safety.campaign.api.deploy.InstallRefusedException.Check.REFRESH,
                "installing safety-partner-foo 1.0.0 would disturb 1 bundle(s) outside the partner",
                List.of("uk.nhs.safety.campaign-model/0.1.0 (core bundle) would be refreshed: Attached fragments"
                        + " changed"));

        Renderer.Rendered out = send(as("Basic admin", "POST", "/admin/partners/install").body("application/json",
                "{\"repositoryUrl\":\"file:/tmp/foo.xml\",\"feature\":\"safety-partner-foo\",\"force\":false}"));

        assertThat(out.status()).isEqualTo(409);
        assertThat(out.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(body(out).path("detail").asText()).isEqualTo("installing safety-partner-foo 1.0.0 would disturb"
                + " 1 bundle(s) outside the partner: uk.nhs.safety.campaign-model/0.1.0 (core bundle) would be"
                + " refreshed: Attached fragments changed");
    }

    @Test
    void uninstallsAPartnerForAnAdminOnly() throws IOException {
        String body = "{\"feature\":\"safety-partner-foo\"}";
        assertThat(send(as("Basic operator", "POST", "/admin/partners/uninstall").body("application/json", body))
                .status()).isEqualTo(403);

        Renderer.Rendered out = send(as("Basic admin", "POST", "/admin/partners/uninstall")
                .body("application/json", body));

        assertThat(out.status()).isEqualTo(200);
        assertThat(body(out).path("uninstalled").toString()).isEqualTo("[\"org.example.partner-foo/1.0.0\"]");
        assertThat(campaign.installs).containsExactly("uninstall safety-partner-foo false alice");
    }

    @Test
    void dispatchesToThePartnersRoutesWithThePathBelowItsIdAndTheCaller() {
        partners.add(echo("cqc", 10));

        Renderer.Rendered out = send(as("Bearer cqc", "POST", "/partners/cqc/evidence/RGT").query("since", "2015")
                .body("application/json", "{\"a\":1}"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(out.header("Content-Disposition")).isEqualTo("inline");
        assertThat(partnerCalls).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/evidence/RGT");
            assertThat(r.param("since")).isEqualTo("2015");
            assertThat(r.caller()).isEqualTo("partner:cqc");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        });
    }

    @Test
    void answersAPartnersRefusalAsAProblemOfItsStatusWithItsHeaders() throws IOException {
        partners.add(refusing(PartnerProblem.methodNotAllowed("PUT", "/gaps", "GET")));

        Renderer.Rendered out = send(as("Basic admin", "PUT", "/partners/nhsi/gaps"));

        assertThat(out.status()).isEqualTo(405);
        assertThat(out.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(out.header("Allow")).isEqualTo("GET");
        assertThat(body(out).at("/type").asText()).isEqualTo("https://signuptosafety.nhs.uk/problems/method-not-allowed");
        assertThat(body(out).at("/detail").asText()).isEqualTo("PUT is not allowed on /gaps; use GET");
        assertThat(body(out).at("/instance").asText()).endsWith("/partners/nhsi/gaps");
    }

    @Test
    void answersAPartnersRefusalWithAStatusCoreHasNoKindForAsAPlainProblem() throws IOException {
        partners.add(refusing(PartnerProblem.unavailable("framework 1999 is not loaded")));

        Renderer.Rendered out = send(as("Basic admin", "GET", "/partners/nhsi/framework"));

        assertThat(out.status()).isEqualTo(503);
        assertThat(out.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(body(out).at("/status").asInt()).isEqualTo(503);
        assertThat(body(out).at("/detail").asText()).isEqualTo("framework 1999 is not loaded");
    }

    @Test
    void handsPartnerRoutesCoresAccessRuleForTheCaller() {
        partners.add(refusing(PartnerProblem.forbidden("no")));

        send(as("Basic editorRGT", "GET", "/partners/nhsi/members/RGT/harm"));

        assertThat(partnerCalls).singleElement().satisfies(r -> {
            assertThat(r.access().mayEdit("RGT")).isTrue();
            assertThat(r.access().mayEdit("RJZ")).isFalse();
            assertThat(r.access().actsFor("nhsi")).isFalse();
        });
    }

    @Test
    void answers503WithRetryAfterToEveryoneWhileAPartnerIsChangingAnd404OnceItIsUninstalled() throws IOException {
        PartnerRoutes cqc = echo("cqc", 10);
        partners.add(cqc);
        installed.add("cqc");
        partners.remove(cqc);   // its bundle is being updated: the routes are gone, the bundle is still installed

        Renderer.Rendered during = send(as(null, "GET", "/partners/cqc/evidence/RGT"));

        assertThat(during.status()).isEqualTo(503);
        assertThat(during.header("Retry-After")).isEqualTo("1");
        assertThat(during.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(body(during).at("/type").asText()).isEqualTo("https://signuptosafety.nhs.uk/problems/unavailable");
        assertThat(body(during).at("/detail").asText())
                .isEqualTo("partner 'cqc' is being installed, updated or restarted just now; try again in 1 s");

        installed.remove("cqc");   // the uninstall completed
        Renderer.Rendered after = send(as("Basic admin", "GET", "/partners/cqc/evidence/RGT"));

        assertThat(after.status()).isEqualTo(404);
        assertThat(body(after).at("/detail").asText()).isEqualTo("no partner routes are installed for 'cqc'");
        assertThat(partnerCalls).isEmpty();
    }

    @Test
    void answers404ForAnInstalledPartnerThatNeverServedRoutesAndServesAgainOnceBack() {
        installed.add("nhsla");

        assertThat(send(as("Basic admin", "GET", "/partners/nhsla/claims")).status()).isEqualTo(404);

        PartnerRoutes cqc = echo("cqc", 10);
        installed.add("cqc");
        partners.add(cqc);
        partners.remove(cqc);
        partners.add(echo("cqc", 10));   // the updated bundle registered its routes again

        assertThat(send(as("Basic admin", "GET", "/partners/cqc/x")).status()).isEqualTo(200);
    }

    @Test
    void keepsAPublicPartnerRoutesOwnCachingForAnonymousReadsOnly() {
        partners.add(publicCached("nhsi"));

        assertThat(send(as(null, "GET", "/partners/nhsi/national")).header("Cache-Control"))
                .isEqualTo("public, max-age=600");
        assertThat(send(as(null, "HEAD", "/partners/nhsi/national")).header("Cache-Control"))
                .isEqualTo("public, max-age=600");
        assertThat(send(as("Basic admin", "GET", "/partners/nhsi/national")).header("Cache-Control"))
                .as("an authenticated answer is never shared").isEqualTo("private, no-cache");
        assertThat(send(as(null, "POST", "/partners/nhsi/national").body("application/json", "{}"))
                .header("Cache-Control")).as("a write is never cached").isEqualTo("no-store");
    }

    @Test
    void compressesLargePartnerAnswers() {
        partners.add(echo("cqc", 5000));

        Renderer.Rendered out = send(as("Basic admin", "GET", "/partners/cqc/").header("Accept-Encoding", "gzip"));

        assertThat(out.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(partnerCalls).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/"));
    }

    @Test
    void answers404ForAPartnerWithoutRoutesAndStopsServingARemovedOne() {
        PartnerRoutes routes = echo("cqc", 1);
        partners.add(routes);
        assertThat(send(as("Basic admin", "GET", "/partners/cqc/x")).status()).isEqualTo(200);

        partners.remove(routes);

        assertThat(send(as("Basic admin", "GET", "/partners/cqc/x")).status()).isEqualTo(404);
        assertThat(send(as("Basic admin", "GET", "/partners/nhsla/x")).status()).isEqualTo(404);
    }

    @Test
    void forbidsOneParnersTokenTheRoutesOfAnother() {
        partners.add(echo("nhsla", 1));

        assertThat(send(as("Bearer cqc", "GET", "/partners/nhsla/claims")).status()).isEqualTo(403);
        assertThat(partnerCalls).isEmpty();
    }
}
