package uk.nhs.safety.partner.cqc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;

class CqcRoutesTest {

    private final FakeCampaign campaign = Fixtures.campaign();
    private final CqcEvidenceService service = Fixtures.service(campaign, "2023");
    private final uk.nhs.safety.partner.cqc.internal.timeline.EvidenceTimeline timeline = Fixtures.timeline();
    private final CqcRoutes routes = new CqcRoutes(service, timeline);
    private final ObjectMapper plain = new ObjectMapper();

    private static PartnerRequest get(String path, Map<String, List<String>> query) {
        return new PartnerRequest("GET", path, query, null, null, "partner:cqc", Set.of("partner"));
    }

    private JsonNode body(PartnerResponse response) throws IOException {
        return plain.readTree(new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void belongsToPartnerCqc() {
        assertThat(routes.partnerId()).isEqualTo("cqc");
    }

    @Test
    void answersTheFrameworkAsJson() throws IOException {
        PartnerResponse response = routes.handle(get("/framework", Map.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        JsonNode json = body(response);
        assertThat(json.get("version").asText()).isEqualTo("2023");
        assertThat(json.get("keyQuestions")).hasSize(5);
        int statements = 0;
        for (JsonNode k : json.get("keyQuestions")) {
            statements += k.get("statements").size();
        }
        assertThat(statements).isEqualTo(34);
        assertThat(json.get("evidenceCategories")).hasSize(6);
    }

    @Test
    void answersAMembersEvidencePackForThePeriodAsked() throws IOException {
        PartnerResponse response = routes.handle(get("/evidence/rgt",
                Map.of("from", List.of("2024-12-01"), "to", List.of("2025-03-31"))));

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = body(response);
        assertThat(json.get("odsCode").asText()).isEqualTo("RGT");
        assertThat(json.at("/period/from").asText()).isEqualTo("2024-12-01");
        assertThat(json.at("/period/to").asText()).isEqualTo("2025-03-31");
        assertThat(json.at("/plan/version").asInt()).isEqualTo(2);
    }

    @Test
    void defaultsThePeriodToTheTwelveMonthsBeforeToday() throws IOException {
        JsonNode json = body(routes.handle(get("/evidence/RGT", Map.of())));

        // The fixtures' clock says 2025-04-15.
        assertThat(json.at("/period/from").asText()).isEqualTo("2024-04-15");
        assertThat(json.at("/period/to").asText()).isEqualTo("2025-04-15");
    }

    @Test
    void answersTheGapsWithTheirKeyQuestions() throws IOException {
        PartnerResponse response = routes.handle(get("/gaps/RGT",
                Map.of("from", List.of("2024-12-01"), "to", List.of("2025-03-31"))));

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = body(response);
        assertThat(json.get("odsCode").asText()).isEqualTo("RGT");
        assertThat(json.get("framework").asText()).isEqualTo("2023");
        List<String> fields = new java.util.ArrayList<>();
        json.get("gaps").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "keyQuestion");
        assertThat(json.get("gaps")).anySatisfy(g -> {
            assertThat(g.get("id").asText()).isEqualTo("safe.infection-prevention-and-control");
            assertThat(g.get("keyQuestion").asText()).isEqualTo("Safe");
        });
        assertThat(json.get("gaps")).noneSatisfy(g -> assertThat(g.get("id").asText())
                .isEqualTo("safe.medicines-optimisation"));
    }

    @Test
    void theTimelineListsAMembersPublicationsNewestFirstUpToTheLimit() throws IOException {
        for (long sequence = 1; sequence <= 3; sequence++) {
            timeline.onEvent(new uk.nhs.safety.campaign.api.event.CampaignEvent(sequence,
                    uk.nhs.safety.campaign.api.event.CampaignTopics.PLAN_PUBLISHED,
                    java.time.Instant.parse("2025-01-0" + sequence + "T10:00:00Z"), "node-a", Map.of("odsCode", "RGT",
                    "actor", "admin", "planVersion", sequence)));
        }

        JsonNode json = body(routes.handle(get("/timeline/rgt", Map.of("limit", List.of("2")))));

        assertThat(json.findValuesAsText("summary")).containsExactly(
                "Safety improvement plan version 3 published by admin",
                "Safety improvement plan version 2 published by admin");
        assertThat(json.get(0).path("occurredAt").asText()).startsWith("2025-01-03T10:00");
        assertThatThrownBy(() -> routes.handle(get("/timeline/RGT", Map.of("limit", List.of("0")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).toString())
                        .contains("limit").contains("0"));
        assertThatThrownBy(() -> routes.handle(get("/timeline/RXX", Map.of()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownMemberIsNotFound() {
        assertThatThrownBy(() -> routes.handle(get("/evidence/RXX", Map.of()))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("RXX");
        assertThatThrownBy(() -> routes.handle(get("/gaps/RXX", Map.of()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBadDateIsRefusedNamingFromOrTo() {
        assertThatThrownBy(() -> routes.handle(get("/evidence/RGT", Map.of("from", List.of("2025-02-30")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::value)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("from", "2025-02-30")));
        assertThatThrownBy(() -> routes.handle(get("/gaps/RGT", Map.of("to", List.of("yesterday")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("to"));
    }

    @Test
    void aMalformedOdsCodeIsRefusedNamingIt() {
        assertThatThrownBy(() -> routes.handle(get("/evidence/R%20G", Map.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("ods"));
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertThatThrownBy(() -> routes.handle(get("/inspections", Map.of()))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("/inspections");
        assertThatThrownBy(() -> routes.handle(get("/evidence/RGT/more", Map.of()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyGetIsAllowed() {
        assertThatThrownBy(() -> routes.handle(new PartnerRequest("POST", "/framework", Map.of(),
                "application/json", "{}".getBytes(StandardCharsets.UTF_8), "admin", Set.of("admin"))))
                .isInstanceOfSatisfying(PartnerProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(405);
                    assertThat(p.headers()).containsEntry("Allow", "GET");
                    assertThat(p.getMessage()).contains("POST");
                });
    }

    @Test
    void answers503WithTheReasonWhileTheConfiguredFrameworkCannotLoad() {
        service.configure("1999", 12);

        assertThatThrownBy(() -> routes.handle(get("/framework", Map.of())))
                .isInstanceOfSatisfying(PartnerProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.getMessage()).contains("1999").contains("frameworks/cqc-1999.json");
                });
        assertThatThrownBy(() -> routes.handle(get("/evidence/RGT", Map.of())))
                .isInstanceOfSatisfying(PartnerProblem.class, p -> assertThat(p.status()).isEqualTo(503));
    }

    private static Map<String, List<String>> period(String format) {
        return Map.of("from", List.of("2024-12-01"), "to", List.of("2025-03-31"), "format", List.of(format));
    }

    @Test
    void answersEachFormatWithItsContentType() throws IOException {
        assertThat(routes.handle(get("/evidence/RGT", period("json"))).contentType()).isEqualTo("application/json");
        assertThat(body(routes.handle(get("/evidence/RGT", period("json")))).get("odsCode").asText())
                .isEqualTo("RGT");

        PartnerResponse csv = routes.handle(get("/evidence/RGT", period("csv")));
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("Key question,Statement id,");

        PartnerResponse html = routes.handle(get("/evidence/RGT", period("html")));
        assertThat(html.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("Cambridge University Hospitals NHS Foundation Trust (RGT), 2024-12-01 to 2025-03-31");
        assertThat(csv.headers()).doesNotContainKey("Content-Disposition");
    }

    @Test
    void answersTheZipAsANamedAttachment() {
        PartnerResponse zip = routes.handle(get("/evidence/rgt", period("ZIP")));

        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.headers()).containsEntry("Content-Disposition",
                "attachment; filename=\"cqc-evidence-RGT-2024-12-01-2025-03-31.zip\"");
        // A ZIP file starts with the local file header signature "PK\3\4".
        assertThat(zip.body()).startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);
    }

    @Test
    void anUnknownFormatIsRefusedNamingFormat() {
        assertThatThrownBy(() -> routes.handle(get("/evidence/RGT", period("pdf"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::value)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("format", "pdf")));
    }
}
