package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** {@code /members/{ods}/actions} and {@code /pledges}: drafts only for the member's editors. */
class ActionsResourceTest extends ApiTestSupport {

    @Test
    void hidesDraftActionsFromAnonymousCallers() {
        Renderer.Rendered out = send(as(null, "GET", "/members/RGT/actions"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(text(out)).contains("published action").doesNotContain("draft action");
        assertThat(out.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void hidesDraftActionsFromEditorsOfAnotherMember() {
        assertThat(text(send(as("Basic editorRJZ", "GET", "/members/RGT/actions")))).doesNotContain("draft action");
    }

    @Test
    void showsDraftsToTheMembersEditorUnlessAskedForPublishedOnly() {
        assertThat(text(send(as("Basic editorRGT", "GET", "/members/RGT/actions")))).contains("draft action");
        assertThat(text(send(as("Basic editorRGT", "GET", "/members/RGT/actions").query("published", "true"))))
                .doesNotContain("draft action");
    }

    @Test
    void showsDraftActionsToAdminsButNotToOperators() {
        assertThat(text(send(as("Basic admin", "GET", "/members/RGT/actions")))).contains("draft action");
        assertThat(text(send(as("Basic operator", "GET", "/members/RGT/actions")))).contains("published action")
                .doesNotContain("draft action");
    }

    @Test
    void omitsDraftCountsFromThePledgePageOfCallersWhoMayNotEdit() throws IOException {
        JsonNode anonymous = body(send(as(null, "GET", "/members/RGT/pledges")));
        JsonNode editor = body(send(as("Basic editorRGT", "GET", "/members/RGT/pledges")));

        assertThat(anonymous.at("/pledges/2/published").asInt()).isZero();
        assertThat(anonymous.at("/pledges/2").has("drafts")).isFalse();
        assertThat(editor.at("/pledges/2/drafts").asInt()).isEqualTo(1);
        assertThat(anonymous.at("/missing").toString()).isEqualTo("[2,3,4,5]");
        assertThat(anonymous.at("/pagePublished").asBoolean()).isFalse();
    }
}
