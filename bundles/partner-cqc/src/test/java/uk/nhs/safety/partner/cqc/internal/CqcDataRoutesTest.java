package uk.nhs.safety.partner.cqc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.cqc.internal.data.CqcData;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePackBuilder;
import uk.nhs.safety.partner.cqc.internal.framework.FrameworkLoader;
import uk.nhs.safety.partner.support.json.PartnerJson;
import uk.nhs.safety.partner.testkit.PartnerStoreKind;
import uk.nhs.safety.partner.testkit.StoreTest;

/** The routes over the partner's own tables: CQC data import, registrations, mapping overrides, their effect. */
class CqcDataRoutesTest {

    private final FakeCampaign campaign = Fixtures.campaign();
    private final CqcEvidenceService service;
    private final CqcRoutes routes;

    private final ObjectMapper plain = new ObjectMapper();

    CqcDataRoutesTest(PartnerStoreKind store) {
        this.service = new CqcEvidenceService(new EvidencePackBuilder(campaign.memberService,
                campaign.pledgeService, campaign.planService, campaign.measureService, Fixtures.CLOCK),
                new FrameworkLoader(PartnerJson.leavingOutNulls()), "2023", 12, "cqc-evidence",
                new CqcEvidenceService.Data(new CqcData(store.open("cqc",
                        ScriptSource.classpath(CqcEvidenceService.class, "db")),
                        ods -> campaign.memberService.find(ods).isPresent(), Fixtures.CLOCK), List::of));
        this.routes = new CqcRoutes(service, Fixtures.timeline());
    }

    private static PartnerRequest request(String method, String path, String contentType, byte[] body) {
        return new PartnerRequest(method, path, Map.of(), contentType, body, "partner:cqc", Set.of("partner"));
    }

    private JsonNode json(PartnerResponse response) throws IOException {
        return plain.readTree(new String(response.body(), StandardCharsets.UTF_8));
    }

    private PartnerResponse postProvider() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/cqc/provider-rgt.json")) {
            return routes.handle(request("POST", "/providers", "application/json", in.readAllBytes()));
        }
    }

    @StoreTest
    void importedRatingsAppearBesideTheEvidenceAndInTheMembersRegistrations() throws IOException {
        JsonNode report = json(postProvider());
        assertThat(report.get("created").asInt()).isEqualTo(1);

        JsonNode registrations = json(routes.handle(request("GET", "/registrations/rgt", null, null)));
        assertThat(registrations.get(0).get("cqcId").asText()).isEqualTo("RGT");
        JsonNode pack = json(routes.handle(request("GET", "/evidence/RGT", null, null)));
        assertThat(pack.at("/keyQuestions/0/currentRating/rating").asText()).isEqualTo("Requires improvement");
        assertThat(pack.at("/keyQuestions/2/currentRating/rating").asText()).isEqualTo("Outstanding");
        assertThat(pack.at("/registrations/0/overallRating").asText()).isEqualTo("Good");
    }

    @StoreTest
    void importRefusesOtherMediaTypesAndBadRecordsNamingTheField() {
        assertThatThrownBy(() -> routes.handle(request("POST", "/providers", "text/csv", "x".getBytes())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Content-Type");
        byte[] bad = "{\"providerId\":\"RGT\",\"odsCode\":\"RGT\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> routes.handle(request("POST", "/providers", "application/json", bad)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations().get(0))
                        .isEqualTo(Violation.of("name", null, "required")));
        assertThat(service.data().registrations("RGT")).isEmpty();
    }

    @StoreTest
    void aMappingOverrideMovesTheItemAndCanBeRemoved() throws IOException {
        byte[] body = "{\"statements\":[\"safe.safeguarding\"]}".getBytes(StandardCharsets.UTF_8);
        PartnerResponse put = routes.handle(request("PUT", "/mappings/RGT/action/1", "application/json", body));
        assertThat(put.status()).isEqualTo(200);

        JsonNode pack = json(routes.handle(request("GET", "/evidence/RGT", null, null)));
        // Safe's third statement is Safeguarding (cqc-2023.json): action 1 is now its evidence, marked as overridden.
        assertThat(pack.at("/keyQuestions/0/statements/2/id").asText()).isEqualTo("safe.safeguarding");
        assertThat(pack.at("/keyQuestions/0/statements/2/items/0/key").asText()).isEqualTo("1");
        assertThat(pack.at("/keyQuestions/0/statements/2/items/0/mapping").asText()).isEqualTo("override");
        assertThat(json(routes.handle(request("GET", "/mappings/RGT", null, null)))).hasSize(1);

        assertThat(routes.handle(request("DELETE", "/mappings/RGT/action/1", null, null)).status()).isEqualTo(204);
        assertThatThrownBy(() -> routes.handle(request("DELETE", "/mappings/RGT/action/1", null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @StoreTest
    void anOverrideNamingAnUnknownStatementOrKindChangesNothing() {
        byte[] body = "{\"statements\":[\"safe.safeguarding\",\"safe.nonsense\"]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> routes.handle(request("PUT", "/mappings/RGT/Action Item!/1", "application/json",
                body))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .extracting(Violation::field, Violation::value)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("kind", "Action Item!"),
                                org.assertj.core.groups.Tuple.tuple("statements", "safe.nonsense")));
        assertThatThrownBy(() -> routes.handle(request("PUT", "/mappings/RGT/action/1", "application/json",
                "{\"statement\":[]}".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("statement");
        assertThat(service.data().overrides("RGT")).isEmpty();
    }

    @StoreTest
    void bulkEvidenceIsOneZipWithAFilePerMemberAndTheFailuresNamed() throws IOException {
        PartnerResponse zip = routes.handle(new PartnerRequest("GET", "/evidence",
                Map.of("members", List.of("rgt, XYZ"), "format", List.of("csv"), "from", List.of("2024-12-01"),
                        "to", List.of("2025-03-31")), null, null, "partner:cqc", Set.of("partner")));

        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.headers().get("Content-Disposition")).contains("cqc-evidence-1-members.zip");
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsOnlyKeys("cqc-evidence-RGT-2024-12-01-2025-03-31.csv", "errors.txt");
        assertThat(files.get("cqc-evidence-RGT-2024-12-01-2025-03-31.csv")).startsWith("Key question,");
        assertThat(files.get("errors.txt")).isEqualTo("XYZ: no member with ODS code XYZ\n");
        assertThatThrownBy(() -> routes.handle(request("GET", "/evidence", null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("members");
    }
}
