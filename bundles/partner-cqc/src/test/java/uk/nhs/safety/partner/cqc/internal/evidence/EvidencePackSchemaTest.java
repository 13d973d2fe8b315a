package uk.nhs.safety.partner.cqc.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import uk.nhs.safety.partner.cqc.internal.FakeCampaign;
import uk.nhs.safety.partner.cqc.internal.Fixtures;
import uk.nhs.safety.partner.cqc.internal.framework.CqcFramework;
import uk.nhs.safety.partner.cqc.internal.framework.FrameworkLoader;
import uk.nhs.safety.partner.support.json.PartnerJson;

class EvidencePackSchemaTest {

    private static final CqcFramework CQC = new FrameworkLoader(PartnerJson.leavingOutNulls()).load("2023");

    private final FakeCampaign campaign = Fixtures.campaign();
    private final EvidencePackBuilder builder = new EvidencePackBuilder(campaign.memberService,
            campaign.pledgeService, campaign.planService, campaign.measureService, Fixtures.CLOCK);
    private final ObjectMapper plain = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        try (InputStream in = EvidencePackSchemaTest.class.getClassLoader()
                .getResourceAsStream("schema/evidence-pack.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private JsonNode packJson(EvidencePack pack) throws IOException {
        return plain.readTree(PartnerJson.leavingOutNulls().write(pack));
    }

    @Test
    void aFullPackValidatesAgainstTheShippedSchema() throws IOException {
        JsonNode json = packJson(builder.build(CQC, "RGT", new EvidencePack.Period(Fixtures.FROM, Fixtures.TO)));

        Set<ValidationMessage> errors = schema().validate(json);

        assertThat(errors).isEmpty();
        assertThat(json.at("/keyQuestions/0/statements/0/items/0/status").asText()).isEqualTo("in_progress");
        assertThat(json.at("/period/from").asText()).isEqualTo("2024-12-01");
    }

    @Test
    void aPackWithUnmappedItemsAndNoPlanValidatesToo() throws IOException {
        campaign.versions.clear();
        campaign.actions.add(Fixtures.action(9, uk.nhs.safety.campaign.api.Pledge.BE_SUPPORTIVE, "Say thank you",
                uk.nhs.safety.campaign.api.ActionStatus.PLANNED, true, "2025-01-01T00:00:00Z"));
        EvidencePack pack = builder.build(CQC, "RGT", new EvidencePack.Period(Fixtures.FROM, Fixtures.TO));

        assertThat(schema().validate(packJson(pack))).isEmpty();
    }

    @Test
    void theSchemaRefusesAPackMissingItsGapsOrWithAnUnknownKind() throws IOException {
        JsonNode json = packJson(builder.build(CQC, "RGT", new EvidencePack.Period(Fixtures.FROM, Fixtures.TO)));
        ObjectNode withoutGaps = json.deepCopy();
        withoutGaps.remove("gaps");
        ObjectNode badKind = json.deepCopy();
        ((ObjectNode) badKind.at("/keyQuestions/0/statements/0/items/0")).put("kind", "rumour");

        assertThat(schema().validate(withoutGaps)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("gaps"));
        assertThat(schema().validate(badKind)).isNotEmpty();
    }

    @Test
    void aPackWithRatingsPartnerEvidenceAndOverridesValidatesToo() throws IOException {
        java.time.LocalDate report = java.time.LocalDate.of(2021, 6, 24);
        uk.nhs.safety.partner.cqc.internal.data.Registration provider =
                new uk.nhs.safety.partner.cqc.internal.data.Registration("RGT", "provider", "RGT", "Cambridge", "RGT",
                        "RGT", "Registered", null, null, null, "Good", report, java.util.List.of(
                        new uk.nhs.safety.partner.cqc.internal.data.Registration.KeyQuestionRating("Safe",
                                "Requires improvement", report)));
        uk.nhs.safety.campaign.api.partner.EvidenceContributor contributor =
                new uk.nhs.safety.campaign.api.partner.EvidenceContributor() {
                    @Override
                    public String source() {
                        return "nhsla";
                    }

                    @Override
                    public java.util.List<uk.nhs.safety.campaign.api.partner.EvidenceItem> evidence(String ods,
                            java.time.LocalDate from, java.time.LocalDate to) {
                        return java.util.List.of(new uk.nhs.safety.campaign.api.partner.EvidenceItem("nhsla", "x",
                                "claims-linkage", "Obstetrics", "", to, "outcomes", Set.of(), Set.of("falls"), null));
                    }
                };
        EvidencePack pack = builder.build(CQC, "RGT", new EvidencePack.Period(Fixtures.FROM, Fixtures.TO),
                new EvidencePackBuilder.Sources(java.util.List.of(provider),
                        java.util.Map.of("action:1", java.util.List.of("safe.safeguarding")),
                        java.util.List.of(contributor)));
        JsonNode json = packJson(pack);

        assertThat(schema().validate(json)).isEmpty();
        assertThat(json.at("/keyQuestions/0/currentRating/rating").asText()).isEqualTo("Requires improvement");
        assertThat(json.at("/registrations/0/overallRating").asText()).isEqualTo("Good");
    }
}
