package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** The dispatch every route goes through: authentication, access rules, body checks and problems. */
class CampaignApiTest extends ApiTestSupport {

    @Test
    void refusesWrongCredentialsEvenOnPublicRoutes() {
        Renderer.Rendered out = send(as("Basic nobody", "GET", "/pledges"));

        assertThat(out.status()).isEqualTo(401);
        assertThat(out.header("WWW-Authenticate")).startsWith("Basic realm=\"Sign up to Safety\"").contains("Bearer");
        assertThat(out.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void answers429WithRetryAfterWhenRateLimited() {
        Renderer.Rendered out = send(as("Basic locked", "GET", "/pledges"));

        assertThat(out.status()).isEqualTo(429);
        assertThat(out.header("Retry-After")).isEqualTo("120");
    }

    @Test
    void asksAnonymousWritersToAuthenticateAndForbidsOtherMembersEditors() {
        Renderer.Rendered anonymous = send(as(null, "POST", "/members/RGT/actions")
                .body("application/json", "{\"pledge\":1,\"text\":\"x\"}"));
        Renderer.Rendered otherEditor = send(as("Basic editorRJZ", "POST", "/members/RGT/actions")
                .body("application/json", "{\"pledge\":1,\"text\":\"x\"}"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isNotNull();
        assertThat(otherEditor.status()).isEqualTo(403);
        assertThat(otherEditor.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(campaign.writes).isEmpty();
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblemsCarryingTheSecurityHeaders() {
        Renderer.Rendered notFound = send(as(null, "GET", "/nothing"));
        Renderer.Rendered notAllowed = send(as(null, "DELETE", "/pledges"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void answersAFailureInsideCoreWith500WithoutItsDetails() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "PUT", "/members/RGT/actions/1")
                .header("If-Match", "\"2\"").body("application/json", "{\"pledge\":1,\"text\":\"x\"}"));

        assertThat(out.status()).isEqualTo(500);
        assertThat(body(out).at("/detail").asText()).contains("incident").doesNotContain("Unsupported");
    }

    @Test
    void refusesAnotherMediaTypeWith415AndAnOversizedBodyWith413() {
        Renderer.Rendered wrongType = send(as("Basic editorRGT", "POST", "/members/RGT/actions")
                .body("text/plain", "{}"));
        settings = new RestSettings(10, 10, 60, java.util.Set.of());
        Renderer.Rendered tooLarge = send(as("Basic editorRGT", "POST", "/members/RGT/actions")
                .body("application/json", "{\"text\":\"more than ten bytes\"}"));

        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(campaign.writes).isEmpty();
    }
}
