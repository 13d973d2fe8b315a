package uk.nhs.safety.partner.nhsi.internal.alignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.CollaborativeMatch;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.PriorityAlignment;
import uk.nhs.safety.partner.nhsi.internal.alignment.AlignmentRules.MemberFacts;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.nhsi.internal.catalogue.CatalogueLoader;

class AlignmentRulesTest {

    private static final Catalogue CATALOGUE = CatalogueLoader.bundled().select(null);
    private static final CollaborativeMatch NONE = new CollaborativeMatch(null, null, "test", List.of());
    private final AlignmentRules rules = new AlignmentRules(CATALOGUE);

    /** Falls and deterioration as focus areas; a medication measure; nothing on maternity. */
    private static PlanContent fallsPlan() {
        return new PlanContent("Plan", LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31),
                List.of("falls", "deteriorating-patient"),
                new DriverDiagram("Halve inpatient falls with harm by 2017",
                        List.of(new PrimaryDriver("P1", "Every ward runs a daily safety huddle")), List.of(),
                        List.of()),
                List.of(new Measure("omitted-doses", "Omitted critical doses", MeasureType.PROCESS,
                        "Doses of critical medicines omitted", "%", ImprovementDirection.DOWN, null, null, "aim",
                        List.of())));
    }

    private static PriorityAlignment row(Alignment a, String key) {
        return a.priorities().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void acuteTrustWithMaternityIncidentsAndNoMaternityFocusHasAMaternityGap() {
        Alignment a = rules.align(new MemberFacts("RGT", "Trust", OrganisationType.ACUTE, "East of England"),
                "published", 1, fallsPlan(), Map.of("maternity", 12L), NONE);

        PriorityAlignment maternity = row(a, "maternity-neonatal");
        assertThat(maternity.expected()).isTrue();
        assertThat(maternity.why()).isEqualTo("12 incident(s) in maternity (trigger 1)");
        assertThat(maternity.addressed()).isFalse();
        assertThat(maternity.gap()).isTrue();
    }

    @Test
    void acuteTrustWithoutMaternityIncidentsIsNotExpectedToAddressMaternity() {
        Alignment a = rules.align(new MemberFacts("RGT", "Trust", OrganisationType.ACUTE, null), "published", 1,
                fallsPlan(), Map.of(), NONE);

        assertThat(row(a, "maternity-neonatal").expected()).isFalse();
        assertThat(row(a, "maternity-neonatal").applies()).isTrue();
    }

    @Test
    void incidentTriggerWithAShareNeedsBothTheCountAndTheShare() {
        // Mental health safety: at least 25 self-harm or aggression incidents and at least 10% of all incidents.
        // Acute trust: 290 of 15,000 = 1.9%: not expected. Community trust: 300 of 2,000 = 15.0%: expected.
        Alignment acute = rules.align(new MemberFacts("RGT", "Trust", OrganisationType.ACUTE, null), "published", 1,
                fallsPlan(), Map.of("self-harming-behaviour", 190L, "disruptive-aggressive-behaviour", 100L,
                        "medication", 14_710L), NONE);
        Alignment community = rules.align(new MemberFacts("RY1", "Trust", OrganisationType.COMMUNITY, null), "none",
                0, null, Map.of("self-harming-behaviour", 200L, "disruptive-aggressive-behaviour", 100L,
                        "other", 1_700L), NONE);

        assertThat(row(acute, "mental-health-safety").expected()).isFalse();
        assertThat(row(community, "mental-health-safety").why()).isEqualTo("300 incident(s) in self-harming-behaviour,"
                + " disruptive-aggressive-behaviour, 15.0% of its incidents (trigger 25 and 10%)");
    }

    @Test
    void focusAreasDriversAndMeasuresAllCountAsEvidence() {
        Alignment a = rules.align(new MemberFacts("RGT", "Trust", OrganisationType.ACUTE, null), "published", 1,
                fallsPlan(), Map.of(), NONE);

        assertThat(row(a, "older-people").evidence()).startsWith("focus area falls");
        assertThat(row(a, "deterioration").evidence()).contains("focus area deteriorating-patient");
        assertThat(row(a, "medication-safety").evidence()).contains("measure omitted-doses: 'omitted dose'");
        assertThat(row(a, "insight").evidence()).containsExactly("driver P1: 'huddle'");
        assertThat(row(a, "amr").addressed()).isFalse();
    }

    @Test
    void antibioticsForSepsisAreNotAntimicrobialStewardship() {
        // Sepsis care gives antibiotics and screens for infection: that is deterioration, not AMR.
        PlanContent sepsis = new PlanContent("Plan", LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31),
                List.of("sepsis"), new DriverDiagram("Antibiotics within an hour for every patient with red-flag"
                + " sepsis and a suspected infection", List.of(), List.of(), List.of()), List.of());
        PlanContent stewardship = new PlanContent("Plan", LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31),
                List.of("sepsis"), new DriverDiagram("Antibiotic review at 72 hours for every inpatient", List.of(),
                List.of(), List.of()), List.of());
        MemberFacts acute = new MemberFacts("RGT", "Trust", OrganisationType.ACUTE, null);

        assertThat(row(rules.align(acute, "published", 1, sepsis, Map.of(), NONE), "amr").addressed()).isFalse();
        assertThat(row(rules.align(acute, "published", 1, stewardship, Map.of(), NONE), "amr").evidence())
                .containsExactly("aim: 'antibiotic review'");
    }

    @Test
    void keywordsCountAtTheStartOfAWholeWordOnly() {
        PlanContent mentalHealth = new PlanContent("Plan", LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31),
                List.of("mental-health-safety"), new DriverDiagram("Reduce restraint through de-escalation training",
                List.of(), List.of(), List.of()), List.of());
        PlanContent escalation = new PlanContent("Plan", LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31),
                List.of("mental-health-safety"), new DriverDiagram("Physical health: escalation of a raised score",
                List.of(), List.of(), List.of()), List.of());
        MemberFacts trust = new MemberFacts("RV5", "Trust", OrganisationType.MENTAL_HEALTH, null);

        assertThat(row(rules.align(trust, "published", 1, mentalHealth, Map.of(), NONE), "deterioration")
                .addressed()).isFalse();
        assertThat(row(rules.align(trust, "published", 1, escalation, Map.of(), NONE), "deterioration").evidence())
                .containsExactly("aim: 'escalat'");
    }

    @Test
    void coverageIsExpectedPrioritiesAddressedOverExpected() {
        // An acute trust with no incident data is expected (by type) to address: deterioration, medication-safety,
        // older-people, amr, never-events, insight = 6. The falls plan addresses deterioration, medication-safety,
        // older-people and insight = 4. 4 / 6 = 66.7 %.
        Alignment a = rules.align(new MemberFacts("RGT", "Trust", OrganisationType.ACUTE, null), "published", 1,
                fallsPlan(), Map.of(), NONE);

        assertThat(a.expected()).isEqualTo(6);
        assertThat(a.expectedAddressed()).isEqualTo(4);
        assertThat(a.coverage()).isEqualTo(66.7);
    }

    @Test
    void memberWithoutPublishedPlanAddressesNothing() {
        Alignment a = rules.align(new MemberFacts("RX7", "Ambulance", OrganisationType.AMBULANCE, null), "none", 0,
                null, Map.of(), NONE);

        // Ambulance trusts are expected to address deterioration and insight.
        assertThat(a.expected()).isEqualTo(2);
        assertThat(a.coverage()).isEqualTo(0.0);
        assertThat(a.priorities()).noneMatch(PriorityAlignment::addressed);
        assertThat(row(a, "maternity-neonatal").applies()).isFalse();
    }

    @Test
    void nationalTableCountsMembersPerPriorityAndListsThoseWithoutPlans() {
        Alignment withPlan = rules.align(new MemberFacts("RGT", "Trust", OrganisationType.ACUTE, null), "published",
                1, fallsPlan(), Map.of("maternity", 3L), NONE);
        Alignment without = rules.align(new MemberFacts("RJZ", "Trust", OrganisationType.ACUTE, null), "unpublished",
                0, null, Map.of(), NONE);

        NationalAlignment n = NationalAlignment.of(CATALOGUE, List.of(withPlan, without));

        NationalAlignment.Row older = n.priorities().stream().filter(r -> r.key().equals("older-people"))
                .findFirst().orElseThrow();
        assertThat(older.expected()).isEqualTo(2);
        assertThat(older.expectedAddressed()).isEqualTo(1);
        assertThat(older.coverage()).isEqualTo(50.0);
        assertThat(older.gaps()).containsExactly("RJZ");
        NationalAlignment.Row maternity = n.priorities().get(0);
        assertThat(maternity.expected()).isEqualTo(1);
        assertThat(maternity.gaps()).containsExactly("RGT");
        assertThat(n.published()).isEqualTo(1);
        assertThat(n.withoutPlan()).extracting(NationalAlignment.Missing::status).containsExactly("unpublished");
    }

    @Test
    void collaborativeByConfigurationThenPostcodeAreaThenUnambiguousRegion() {
        CollaborativeFinder finder = new CollaborativeFinder(CATALOGUE, Map.of("RX7", "north-west-coast"));

        assertThat(finder.find("RX7", "BL1 5DD", "North West").key()).isEqualTo("north-west-coast");
        assertThat(finder.find("RM3", "M6 8HD", "North West").key()).isEqualTo("greater-manchester");
        assertThat(finder.find("RGT", "CB2 0QQ", "East of England").how()).isEqualTo("postcode area CB");
        assertThat(finder.find("RV5", "SE5 8AZ", "London").key()).isEqualTo("south-london");
        assertThat(finder.find("RAA", null, "North East").key()).isEqualTo("north-east-north-cumbria");
        CollaborativeMatch london = finder.find("RAB", null, "London");
        assertThat(london.key()).isNull();
        assertThat(london.candidates()).containsExactlyInAnyOrder("uclpartners", "imperial", "south-london");
        assertThat(finder.find("W01", "CF10 1AA", "Wales").key()).isNull();
    }
}
