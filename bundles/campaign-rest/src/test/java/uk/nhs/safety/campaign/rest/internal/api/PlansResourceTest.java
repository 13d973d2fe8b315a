package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** {@code /members/{ods}/plan}: the working copy for editors, the latest published version for others. */
class PlansResourceTest extends ApiTestSupport {

    @Test
    void givesAnonymousCallersTheLatestPublishedPlanNotTheWorkingCopy() throws IOException {
        Renderer.Rendered out = send(as(null, "GET", "/members/RGT/plan"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(body(out).at("/content/title").asText()).isEqualTo("Published");
        assertThat(body(out).at("/number").asInt()).isEqualTo(1);
        assertThat(out.header("ETag")).isEqualTo("\"v1\"");
    }

    @Test
    void givesEditorsTheWorkingCopyWithItsVersionAsETag() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "GET", "/members/RGT/plan"));

        assertThat(body(out).at("/content/title").asText()).isEqualTo("Draft edit");
        assertThat(body(out).at("/status").asText()).isEqualTo("draft");
        assertThat(out.header("ETag")).isEqualTo("\"5\"");
        assertThat(out.header("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void answers404ForAPlanWhenNothingIsPublished() {
        assertThat(send(as(null, "GET", "/members/RJZ/plan")).status()).isEqualTo(404);
        assertThat(send(as(null, "GET", "/members/RJZ/plan/diagram")).status()).isEqualTo(404);
    }

    @Test
    void publishesAPlanWith201AndTheVersionsLocation() {
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/plan/publish")
                .header("If-Match", "\"5\""));

        assertThat(out.status()).isEqualTo(201);
        assertThat(out.header("Location")).isEqualTo("/api/v1/members/RGT/plan/versions/2");
        assertThat(out.header("ETag")).isEqualTo("\"v2\"");
    }

    @Test
    void servesPlanVersionsAsImmutableAndAnswers304ToTheirTag() {
        Renderer.Rendered first = send(as(null, "GET", "/members/RGT/plan/versions/1"));
        Renderer.Rendered again = send(as(null, "GET", "/members/RGT/plan/versions/1")
                .header("If-None-Match", first.header("ETag")));

        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=86400, immutable");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
}
