package ${package}.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;

/**
 * The publications table and routes on this partner's real tables: an in-memory H2 database migrated by the scripts
 * in {@code db/}, which the test kit checks with the platform's own rules (a script the platform would refuse fails
 * here first).
 */
class PublicationsTest {

    private final Publications publications = Publications.on(
            new H2PartnerDatabase(Integration.ID, ScriptSource.classpath(Publications.class, "db")));
    private final Routes routes = new Routes(publications);

    private static CampaignEvent planPublished(long sequence, String ods, long planVersion) {
        return new CampaignEvent(sequence, CampaignTopics.PLAN_PUBLISHED, Instant.parse("2026-03-01T10:15:30Z"),
                "node-1", Map.of(CampaignTopics.ODS_CODE, ods, CampaignTopics.PLAN_VERSION, planVersion,
                        CampaignTopics.ACTOR, "admin"));
    }

    private static PartnerRequest get(String path) {
        return new PartnerRequest("GET", path, Map.of(), null, null, "partner:" + Integration.ID,
                Set.of("partner", "partner:" + Integration.ID));
    }

    @Test
    void recordsEachPublishedPlanVersionNewestFirst() {
        publications.onEvent(planPublished(7, "RGT", 1));
        publications.onEvent(planPublished(9, "RGT", 2));
        publications.onEvent(planPublished(8, "RJZ", 1));

        assertThat(publications.of("RGT", 10)).extracting(Publications.Publication::planVersion)
                .containsExactly(2L, 1L);
        assertThat(publications.count()).isEqualTo(3);
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        publications.onEvent(planPublished(7, "RGT", 1));
        publications.onEvent(planPublished(7, "RGT", 1));

        assertThat(publications.of("RGT", 10)).hasSize(1);
    }

    @Test
    void statusIsPublicAndCachedForAMinute() {
        publications.onEvent(planPublished(7, "RGT", 1));

        PartnerResponse status = routes.handle(get("/status"));

        assertThat(routes.access("GET", "/status")).isEqualTo(RouteAccess.PUBLIC);
        assertThat(routes.access("GET", "/publications/RGT")).isEqualTo(RouteAccess.PARTNER);
        assertThat(new String(status.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"partner\":\"${partnerId}\",\"publications\":1}");
        assertThat(status.headers()).containsEntry("Cache-Control", "public, max-age=60");
    }

    @Test
    void listsAMembersPublicationsWhateverTheCaseOfItsCode() {
        publications.onEvent(planPublished(7, "RGT", 3));

        PartnerResponse answer = routes.handle(get("/publications/rgt"));

        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"odsCode\":\"RGT\",\"publications\":"
                + "[{\"sequence\":7,\"planVersion\":3,\"publishedAt\":\"2026-03-01T10:15:30Z\"}]}");
    }

    @Test
    void refusesOtherMethodsUnknownPathsAndMalformedCodes() {
        PartnerRequest post = new PartnerRequest("POST", "/status", Map.of(), "application/json", new byte[0],
                "admin", Set.of("admin"));

        assertThatThrownBy(() -> routes.handle(post))
                .isInstanceOfSatisfying(PartnerProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(405);
                    assertThat(p.headers()).containsEntry("Allow", "GET");
                });
        assertThatThrownBy(() -> routes.handle(get("/nothing")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> routes.handle(get("/publications/R\"1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("R\"1");
    }
}
