package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * Anonymous reads of published content through the {@link PublishedCache}: kept, answered with 304 on their ETag, and
 * dropped by a change made through the API (at once) or heard from the event log (any node's change).
 */
class PublishedReadsTest {

    private final FakeCampaign campaign = new FakeCampaign();
    private final PublishedCache cache = new PublishedCache(100);
    private final CampaignApi api = new CampaignApi(campaign.services(), new PartnerDirectory(), new Json(),
            () -> null, cache);
    private final RequestPipeline pipeline = new RequestPipeline((authorization, remote) -> authorization == null
            ? Caller.ANONYMOUS : new Caller("ed", Set.of("member-editor", "member:RGT")), new Json());
    private final ObjectMapper mapper = new ObjectMapper();

    private Renderer.Rendered send(FakeRequest request) {
        return pipeline.process(request, api, () -> RestSettings.DEFAULTS);
    }

    private JsonNode get(String path) throws IOException {
        Renderer.Rendered out = send(FakeRequest.of("GET", path));
        assertThat(out.status()).isEqualTo(200);
        return mapper.readTree(out.body());
    }

    /** A change in the store that nobody announced (what the cache must not see until an event says so). */
    private void publishQuietly(String title) {
        campaign.published = new PlanVersion("RGT", 2, FakeCampaign.T0, "ed",
                FakeCampaign.content(title, campaign.published.content().measures()));
    }

    private static CampaignEvent event(String topic, String ods) {
        return new CampaignEvent(42, topic, Instant.parse("2015-04-02T10:00:00Z"), "node-b",
                Map.of(CampaignTopics.ODS_CODE, ods, CampaignTopics.ACTOR, "ed"));
    }

    @Test
    void keepsAnAnonymousReadOfAPublishedPlanAndAnswersItsETagWith304() throws IOException {
        Renderer.Rendered first = send(FakeRequest.of("GET", "/members/RGT/plan"));
        publishQuietly("Not announced");

        Renderer.Rendered again = send(FakeRequest.of("GET", "/members/RGT/plan"));
        Renderer.Rendered revalidated = send(FakeRequest.of("GET", "/members/RGT/plan")
                .header("If-None-Match", first.header("ETag")));

        assertThat(mapper.readTree(again.body()).at("/content/title").asText()).isEqualTo("Published");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"v1\"");
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void givesEveryPublishedReadAStrongETagAndA304() {
        for (String path : new String[] {"/summary", "/members", "/members/RGT/measures",
                "/members/RGT/measures/falls", "/members/RGT/pledges", "/members/RGT/actions"}) {
            Renderer.Rendered first = send(FakeRequest.of("GET", path));
            String etag = first.header("ETag");
            assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]{22}\"");

            Renderer.Rendered revalidated = send(FakeRequest.of("GET", path).header("If-None-Match", etag));
            assertThat(revalidated.status()).as(path).isEqualTo(304);
            assertThat(revalidated.header("ETag")).as(path).isEqualTo(etag);
        }
    }

    @Test
    void showsAPublishedChangeOnTheNextReadWhenItWasMadeThroughTheApi() throws IOException {
        get("/members/RGT/plan");
        publishQuietly("Published through the API");

        send(FakeRequest.of("POST", "/members/RGT/plan/publish").header("Authorization", "Basic ed")
                .header("If-Match", "\"5\""));

        assertThat(get("/members/RGT/plan").at("/content/title").asText()).isEqualTo("Published through the API");
    }

    @Test
    void showsAChangeFromAnotherNodeOnceItsEventArrives() throws IOException {
        get("/members/RGT/plan");
        get("/summary");
        get("/members/RJZ");
        publishQuietly("Published on node B");

        cache.onEvent(event(CampaignTopics.PLAN_PUBLISHED, "RGT"));

        assertThat(get("/members/RGT/plan").at("/content/title").asText()).isEqualTo("Published on node B");
        assertThat(get("/summary").at("/publishedPlans/0/title").asText()).isEqualTo("Published on node B");
        // another member's entries stay
        assertThat(cache.get("/members/RJZ")).isPresent();
    }

    @Test
    void dropsNothingOnAHeadRequest() {
        send(FakeRequest.of("GET", "/members/RGT/plan"));

        send(FakeRequest.of("HEAD", "/members/RGT/plan"));

        assertThat(cache.get("/members/RGT/plan")).isPresent();
    }

    @Test
    void keepsNothingForCallersWhoMaySeeDrafts() {
        send(FakeRequest.of("GET", "/members/RGT/plan").header("Authorization", "Basic ed"));

        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsNoErrors() {
        assertThat(send(FakeRequest.of("GET", "/members/RJZ/plan")).status()).isEqualTo(404);

        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsNoAnswerReadBeforeAChangeThatDroppedTheCache() {
        long readIn = cache.generation();
        cache.changed("RGT");

        cache.put("/members/RGT/plan", "RGT", new byte[] {1}, uk.nhs.safety.campaign.rest.internal.http.ApiResponse
                .ok(Map.of()), readIn);

        assertThat(cache.get("/members/RGT/plan")).isEmpty();
    }

    @Test
    void staysWithinItsBound() {
        PublishedCache small = new PublishedCache(2);
        for (int i = 0; i < 5; i++) {
            small.put("/members/M" + i, "M" + i, new byte[] {1}, uk.nhs.safety.campaign.rest.internal.http.ApiResponse
                    .ok(Map.of()), small.generation());
        }

        assertThat(small.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void hearsEveryNodesEvents() {
        assertThat(cache.delivery()).isEqualTo(uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Delivery
                .EVERY_NODE);
    }
}
