package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** {@code /members/{ods}/pdsa-cycles}: recording and updating cycles. */
class PdsaResourceTest extends ApiTestSupport {

    @Test
    void recordsAPdsaCycleForTheMembersEditorOnly() throws IOException {
        String cycle = "{\"changeIdea\":\"C1\",\"measures\":[\"falls\"],\"plan\":\"Bundle on ward 6\","
                + "\"owner\":\"Sister\",\"plannedStart\":\"2015-06-01\",\"prediction\":\"Fewer falls\"}";

        Renderer.Rendered other = send(as("Basic editorRJZ", "POST", "/members/RGT/pdsa-cycles")
                .body("application/json", cycle));
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/pdsa-cycles")
                .body("application/json", cycle));

        assertThat(other.status()).isEqualTo(403);
        assertThat(out.status()).isEqualTo(201);
        assertThat(out.headers().get("Location")).endsWith("/members/RGT/pdsa-cycles/C1/2");
        assertThat(body(out).at("/content/plannedStart").asText()).isEqualTo("2015-06-01");
        assertThat(campaign.writes).containsExactly("pdsa add C1 Bundle on ward 6");
    }

    @Test
    void updatesAPdsaCycleOnlyWithTheVersionRead() throws IOException {
        String cycle = "{\"changeIdea\":\"C1\",\"plan\":\"p\",\"owner\":\"o\",\"plannedStart\":\"2015-06-01\","
                + "\"prediction\":\"x\",\"decision\":\"adapt\"}";

        Renderer.Rendered missing = send(as("Basic editorRGT", "PUT", "/members/RGT/pdsa-cycles/C1/1")
                .body("application/json", cycle));
        Renderer.Rendered out = send(as("Basic editorRGT", "PUT", "/members/RGT/pdsa-cycles/C1/1")
                .header("If-Match", "\"1\"").body("application/json", cycle));

        assertThat(missing.status()).isEqualTo(428);
        assertThat(out.status()).isEqualTo(200);
        assertThat(body(out).at("/content/decision").asText()).isEqualTo("adapt");
        assertThat(campaign.writes).containsExactly("pdsa update C1#1 at 1");
    }
}
