package uk.nhs.safety.partner.cqc.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.support.json.PartnerJson;

class FrameworkLoaderTest {

    private final FrameworkLoader loader = new FrameworkLoader(PartnerJson.leavingOutNulls());

    private static String bundled(String path) throws IOException {
        try (InputStream in = FrameworkLoaderTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A loader over the bundled files with some of them replaced. */
    private static FrameworkLoader with(Map<String, String> replaced) {
        return new FrameworkLoader(path -> {
            if (replaced.containsKey(path)) {
                String text = replaced.get(path);
                return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
            return FrameworkLoaderTest.class.getClassLoader().getResourceAsStream(path);
        }, PartnerJson.leavingOutNulls());
    }

    @Test
    void loadsTheFiveKeyQuestionsSpeltAsCqcSpellsThem() {
        Framework f = loader.load("2023").framework();

        assertThat(f.version()).isEqualTo("2023");
        assertThat(f.keyQuestions()).extracting(KeyQuestion::name)
                .containsExactly("Safe", "Effective", "Caring", "Responsive", "Well-led");
    }

    @Test
    void holds34QualityStatementsGroupedEightSixFiveSevenEight() {
        Framework f = loader.load("2023").framework();

        assertThat(f.keyQuestions()).extracting(k -> k.statements().size()).containsExactly(8, 6, 5, 7, 8);
        assertThat(f.statements()).hasSize(34).extracting(QualityStatement::id).doesNotHaveDuplicates();
        assertThat(f.keyQuestions()).allSatisfy(k -> assertThat(k.statements())
                .allSatisfy(s -> assertThat(s.id()).startsWith(k.id() + ".")));
    }

    @Test
    void safeHasTheEightStatementsOfTheDomainNotes() {
        KeyQuestion safe = loader.load("2023").framework().keyQuestions().get(0);

        assertThat(safe.statements()).extracting(QualityStatement::name).containsExactly("Learning culture",
                "Safe systems, pathways and transitions", "Safeguarding", "Involving people to manage risks",
                "Safe environments", "Safe and effective staffing", "Infection prevention and control",
                "Medicines optimisation");
        assertThat(safe.statements().get(0).id()).isEqualTo("safe.learning-culture");
    }

    @Test
    void holdsTheSixEvidenceCategories() {
        Framework f = loader.load("2023").framework();

        assertThat(f.evidenceCategories()).extracting(EvidenceCategory::name).containsExactly("People's experience",
                "Feedback from staff and leaders", "Feedback from partners", "Observation", "Processes", "Outcomes");
    }

    @Test
    void everyMappingRuleNamesAStatementOfTheFramework() throws IOException {
        // Read both files as plain JSON trees, independently of the loader's records and checks.
        ObjectMapper plain = new ObjectMapper();
        Set<String> statementIds = new HashSet<>();
        for (JsonNode k : plain.readTree(bundled("frameworks/cqc-2023.json")).get("keyQuestions")) {
            k.get("statements").forEach(s -> statementIds.add(s.get("id").asText()));
        }
        JsonNode rules = plain.readTree(bundled("mapping/default-rules.json"));
        List<String> named = new java.util.ArrayList<>();
        rules.get("pledges").forEach(list -> list.forEach(id -> named.add(id.asText())));
        rules.get("focusAreas").forEach(list -> list.forEach(id -> named.add(id.asText())));

        assertThat(statementIds).hasSize(34);
        assertThat(named).isNotEmpty().allSatisfy(id -> assertThat(statementIds).contains(id));
    }

    @Test
    void rulesCoverEveryPledgeEveryCampaignFocusAreaAndEveryKindOfItem() {
        MappingRules rules = loader.load("2023").rules();

        for (Pledge p : Pledge.values()) {
            assertThat(rules.forPledge(p)).as("pledge %s", p.number()).isNotEmpty();
        }
        assertThat(rules.focusAreas().keySet()).containsExactlyInAnyOrder("maternity", "deteriorating-patient",
                "sepsis", "falls", "pressure-ulcers", "medication-safety", "surgical-safety", "diagnosis-in-ae", "vte",
                "hcai", "mental-health-safety", "safety-culture", "learning-disabilities", "aki");
        assertThat(rules.categoryOf(ItemKind.ACTION)).isEqualTo("processes");
        assertThat(rules.categoryOf(ItemKind.PRIMARY_DRIVER)).isEqualTo("processes");
        assertThat(rules.categoryOf(ItemKind.SECONDARY_DRIVER)).isEqualTo("processes");
        assertThat(rules.categoryOf(ItemKind.CHANGE_IDEA)).isEqualTo("processes");
        assertThat(rules.categoryOf(ItemKind.OUTCOME_MEASURE)).isEqualTo("outcomes");
        assertThat(rules.categoryOf(ItemKind.PROCESS_MEASURE)).isEqualTo("processes");
        assertThat(rules.categoryOf(ItemKind.BALANCING_MEASURE)).isEqualTo("outcomes");
    }

    @Test
    void refusesAnUnknownVersionNamingTheSettingAndTheMissingFile() {
        assertThatThrownBy(() -> loader.load("1999"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("frameworkVersion");
                            assertThat(v.value()).isEqualTo("1999");
                            assertThat(v.message()).contains("frameworks/cqc-1999.json");
                        }));
    }

    @Test
    void refusesAVersionThatIsNotAPlainNameSoNoOtherFileCanBeRead() {
        assertThatThrownBy(() -> loader.load("../mapping/x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("frameworkVersion"));
    }

    @Test
    void loadsASecondFrameworkVersionFromItsFileAlone() throws IOException {
        String next = bundled("frameworks/cqc-2023.json").replace("\"version\": \"2023\"", "\"version\": \"2026\"")
                .replace("Learning culture", "Learning culture (revised)");
        Map<String, String> files = new HashMap<>();
        files.put("frameworks/cqc-2026.json", next);

        CqcFramework loaded = with(files).load("2026");

        assertThat(loaded.framework().version()).isEqualTo("2026");
        assertThat(loaded.framework().statement("safe.learning-culture")).get()
                .extracting(QualityStatement::name).isEqualTo("Learning culture (revised)");
    }

    @Test
    void refusesRulesNamingAStatementTheFrameworkLacksNamingFileRuleAndId() throws IOException {
        String rules = bundled("mapping/default-rules.json")
                .replace("\"hcai\": [\n      \"safe.infection-prevention-and-control\"",
                        "\"hcai\": [\n      \"safe.infection-control\"");
        assertThat(rules).contains("safe.infection-control\"");

        assertThatThrownBy(() -> with(Map.of(FrameworkLoader.RULES, rules)).load("2023"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("mapping/default-rules.json focusAreas.hcai[0]");
                            assertThat(v.value()).isEqualTo("safe.infection-control");
                            assertThat(v.message()).contains("no such quality statement in framework 2023");
                        }));
    }

    @Test
    void refusesAFrameworkFileWithAMisspeltFieldNamingItsPath() throws IOException {
        String framework = bundled("frameworks/cqc-2023.json")
                .replace("{ \"id\": \"caring.treating-people-as-individuals\", \"name\"",
                        "{ \"id\": \"caring.treating-people-as-individuals\", \"nmae\"");

        assertThatThrownBy(() -> with(Map.of("frameworks/cqc-2023.json", framework)).load("2023"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field())
                                .isEqualTo("frameworks/cqc-2023.json keyQuestions[2].statements[1].nmae")));
    }

    @Test
    void refusesAFrameworkWhoseVersionDiffersFromItsFileName() throws IOException {
        Map<String, String> files = Map.of("frameworks/cqc-2024.json", bundled("frameworks/cqc-2023.json"));

        assertThatThrownBy(() -> with(files).load("2024"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.toString())
                                .isEqualTo("frameworks/cqc-2024.json version '2023': must be 2024, as in the file name")));
    }
}
