package uk.nhs.safety.partner.cqc.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.EvidenceItem;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.partner.cqc.internal.FakeCampaign;
import uk.nhs.safety.partner.cqc.internal.Fixtures;
import uk.nhs.safety.partner.cqc.internal.data.Registration;
import uk.nhs.safety.partner.cqc.internal.framework.CqcFramework;
import uk.nhs.safety.partner.cqc.internal.framework.FrameworkLoader;
import uk.nhs.safety.partner.support.json.PartnerJson;

class EvidencePackBuilderTest {

    private static final CqcFramework CQC = new FrameworkLoader(PartnerJson.leavingOutNulls()).load("2023");
    private static final EvidencePack.Period PERIOD = new EvidencePack.Period(Fixtures.FROM, Fixtures.TO);

    private final FakeCampaign campaign = Fixtures.campaign();
    private final EvidencePackBuilder builder = new EvidencePackBuilder(campaign.memberService,
            campaign.pledgeService, campaign.planService, campaign.measureService, Fixtures.CLOCK);

    private static EvidencePack.StatementEvidence statement(EvidencePack pack, String id) {
        return pack.keyQuestions().stream().flatMap(k -> k.statements().stream()).filter(s -> s.id().equals(id))
                .findFirst().orElseThrow();
    }

    private static List<String> keys(List<EvidencePack.Item> items) {
        return items.stream().map(i -> i.kind() + ":" + i.key()).toList();
    }

    private static Stream<EvidencePack.Item> allItems(EvidencePack pack) {
        return Stream.concat(pack.keyQuestions().stream().flatMap(k -> k.statements().stream())
                .flatMap(s -> s.items().stream()), pack.unmapped().stream());
    }

    @Test
    void putsEachPublishedActionUnderTheStatementsOfItsPledge() {
        EvidencePack pack = builder.build(CQC, "rgt", PERIOD);

        // Pledge 1 (action 1) and pledge 3 (action 3) both name Learning culture.
        assertThat(keys(statement(pack, "safe.learning-culture").items())).containsExactly("action:1", "action:3");
        assertThat(keys(statement(pack, "well-led.governance-management-and-sustainability").items()))
                .containsExactly("action:1");
        assertThat(keys(statement(pack, "well-led.freedom-to-speak-up").items())).containsExactly("action:3");
        EvidencePack.Item action = statement(pack, "responsive.providing-information").items().get(0);
        assertThat(action.category()).isEqualTo("processes");
        assertThat(action.pledge()).isEqualTo(3);
        assertThat(action.status()).isEqualTo(ActionStatus.DONE);
    }

    @Test
    void putsThePlanItemsUnderTheStatementsOfThePlansFocusAreasWithTheirCategories() {
        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        List<String> planItems = List.of("primary-driver:P1", "secondary-driver:S1", "change-idea:C1",
                "outcome-measure:falls-per-1000", "process-measure:bundle-compliance",
                "balancing-measure:length-of-stay");
        // falls -> involving people to manage risks, safe environments; medication safety -> medicines optimisation
        for (String id : List.of("safe.involving-people-to-manage-risks", "safe.safe-environments",
                "safe.medicines-optimisation")) {
            assertThat(keys(statement(pack, id).items())).as(id).containsExactlyElementsOf(planItems);
        }
        List<EvidencePack.Item> items = statement(pack, "safe.medicines-optimisation").items();
        assertThat(items).extracting(EvidencePack.Item::category).containsExactly("processes", "processes",
                "processes", "outcomes", "processes", "outcomes");
        assertThat(pack.plan().version()).isEqualTo(2);
        assertThat(pack.plan().focusAreas()).containsExactly("falls", "medication-safety");
    }

    @Test
    void gapsAreExactlyTheStatementsWithNoEvidence() {
        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        Set<String> evidenced = new LinkedHashSet<>(List.of(
                // pledge 1
                "safe.learning-culture", "well-led.shared-direction-and-culture",
                "well-led.governance-management-and-sustainability",
                // pledge 3
                "responsive.providing-information", "well-led.freedom-to-speak-up",
                // falls, medication safety
                "safe.involving-people-to-manage-risks", "safe.safe-environments", "safe.medicines-optimisation"));
        assertThat(pack.gaps()).hasSize(34 - evidenced.size())
                .allSatisfy(g -> assertThat(evidenced).doesNotContain(g.id()));
        assertThat(pack.gaps()).filteredOn(g -> g.id().equals("safe.infection-prevention-and-control"))
                .singleElement().satisfies(g -> {
                    assertThat(g.name()).isEqualTo("Infection prevention and control");
                    assertThat(g.keyQuestion()).isEqualTo("Safe");
                });
        pack.keyQuestions().stream().flatMap(k -> k.statements().stream())
                .forEach(s -> assertThat(s.gap()).as(s.id()).isEqualTo(s.items().isEmpty()));
        assertThat(pack.unmapped()).isEmpty();
    }

    @Test
    void listsItemsNoRuleMapsAsUnmappedInsteadOfDroppingThem() {
        PlanVersion v2 = campaign.versions.get(1);
        campaign.versions.set(1, new PlanVersion(v2.odsCode(), 2, v2.publishedAt(), v2.publishedBy(),
                Fixtures.content(List.of("frailty"))));

        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        assertThat(keys(pack.unmapped())).containsExactly("primary-driver:P1", "secondary-driver:S1",
                "change-idea:C1", "outcome-measure:falls-per-1000", "process-measure:bundle-compliance",
                "balancing-measure:length-of-stay");
        assertThat(statement(pack, "safe.medicines-optimisation").gap()).isTrue();
        assertThat(keys(statement(pack, "safe.learning-culture").items())).containsExactly("action:1", "action:3");
    }

    @Test
    void neverShowsDraftActionsOrTheUnpublishedWorkingCopyEvenWhenTheServiceLeaksDrafts() {
        campaign.leakDrafts = true;

        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        assertThat(allItems(pack)).extracting(EvidencePack.Item::text)
                .doesNotContain(Fixtures.DRAFT_TEXT, Fixtures.WORKING_COPY_TEXT);
        assertThat(campaign.workingCopyReads).isZero();
        assertThat(pack.plan().focusAreas()).doesNotContain("hcai");
    }

    @Test
    void takesThePlanVersionAndActionsPublishedByTheEndOfThePeriod() {
        EvidencePack pack = builder.build(CQC, "RGT",
                new EvidencePack.Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));

        assertThat(pack.plan().version()).isEqualTo(1);
        assertThat(statement(pack, "safe.medicines-optimisation").gap()).isTrue();
        assertThat(allItems(pack)).extracting(EvidencePack.Item::kind, EvidencePack.Item::key)
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("action", "3"),
                        org.assertj.core.groups.Tuple.tuple("action", "4"));
        assertThat(keys(statement(pack, "well-led.governance-management-and-sustainability").items()))
                .containsExactly("action:1");
    }

    @Test
    void leavesOutAnActionPublishedAfterThePeriod() {
        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        assertThat(allItems(pack)).extracting(EvidencePack.Item::text).doesNotContain(Fixtures.LATE_TEXT);
    }

    @Test
    void summarisesAMeasureByItsLatestPointInThePeriodWithVariationAndAssurance() {
        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        EvidencePack.Item falls = statement(pack, "safe.safe-environments").items().stream()
                .filter(i -> i.key().equals("falls-per-1000")).findFirst().orElseThrow();
        // December to March lie in the period; April (concern, high) lies after it.
        assertThat(falls.spc().points()).isEqualTo(4);
        assertThat(falls.spc().latestPeriod()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(falls.spc().latestValue()).isEqualTo(4.1);
        assertThat(falls.spc().variation()).isEqualTo(Variation.IMPROVEMENT_LOW);
        assertThat(falls.spc().assurance()).isEqualTo(Assurance.INCONSISTENT);
        assertThat(falls.spc().provisional()).isTrue();
        assertThat(falls.spc().target()).isEqualTo(5.0);
    }

    @Test
    void keepsAMeasureWithoutValuesAsEvidenceWithNoPoints() {
        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        EvidencePack.Item stay = statement(pack, "safe.safe-environments").items().stream()
                .filter(i -> i.key().equals("length-of-stay")).findFirst().orElseThrow();
        assertThat(stay.spc().points()).isZero();
        assertThat(stay.spc().latestValue()).isNull();
        assertThat(stay.spc().variation()).isNull();
    }

    @Test
    void refusesAnUnknownMemberWithNotFound() {
        assertThatThrownBy(() -> builder.build(CQC, "RXX", PERIOD)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("RXX");
    }

    @Test
    void aMemberWithoutAPublishedPlanHasNoPlanAndOnlyItsActionsAsEvidence() {
        campaign.versions.clear();

        EvidencePack pack = builder.build(CQC, "RGT", PERIOD);

        assertThat(pack.plan()).isNull();
        assertThat(allItems(pack)).extracting(EvidencePack.Item::kind).containsOnly("action");
    }

    @Test
    void defaultsThePeriodToTheTwelveMonthsUpToToday() {
        EvidencePack.Period p = EvidencePeriods.parse(null, null, LocalDate.of(2025, 4, 15), 12);

        assertThat(p).isEqualTo(new EvidencePack.Period(LocalDate.of(2024, 4, 15), LocalDate.of(2025, 4, 15)));
    }

    @Test
    void refusesABadDateNamingTheParameter() {
        assertThatThrownBy(() -> EvidencePeriods.parse("2025-13-01", null, LocalDate.of(2025, 4, 15), 12))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::value).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("from", "2025-13-01")));
        assertThatThrownBy(() -> EvidencePeriods.parse(null, "31/03/2025", LocalDate.of(2025, 4, 15), 12))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("to"));
        assertThatThrownBy(() -> EvidencePeriods.parse("2025-04-01", "2025-03-01", LocalDate.of(2025, 4, 15), 12))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("from"));
    }

    private static final EvidenceContributor NHSLA = new EvidenceContributor() {
        @Override
        public String source() {
            return "nhsla";
        }

        @Override
        public List<EvidenceItem> evidence(String odsCode, LocalDate from, LocalDate to) {
            return List.of(new EvidenceItem("nhsla", odsCode + "-obstetrics", "claims-linkage",
                    "Obstetrics: high-value claims area", "£4.9m of claims; the plan does not address it", to,
                    "outcomes", Set.of(), Set.of("maternity"), "/api/v1/partners/nhsla/linkage/" + odsCode),
                    new EvidenceItem("nhsla", odsCode + "-dental", "claims-linkage", "Dental", "", to, "outcomes",
                            Set.of(), Set.of("no-such-area"), null));
        }
    };

    private static final EvidenceContributor BROKEN = new EvidenceContributor() {
        @Override
        public String source() {
            return "broken";
        }

        @Override
        public List<EvidenceItem> evidence(String odsCode, LocalDate from, LocalDate to) {
            throw new IllegalStateException("database unreachable");
        }
    };

    @Test
    void partnersEvidenceIsMappedByItsFocusAreasNamingItsSourceAndAFailingSourceIsReported() {
        EvidencePack pack = builder.build(CQC, "RGT", PERIOD, new EvidencePackBuilder.Sources(List.of(), Map.of(),
                List.of(BROKEN, NHSLA)));

        // maternity -> safe-systems, involving-people, monitoring-and-improving-outcomes (default-rules.json)
        for (String id : List.of("safe.safe-systems-pathways-and-transitions", "safe.involving-people-to-manage-risks",
                "effective.monitoring-and-improving-outcomes")) {
            assertThat(statement(pack, id).items()).filteredOn(i -> "nhsla".equals(i.source()))
                    .extracting(EvidencePack.Item::key).containsExactly("nhsla:RGT-obstetrics");
        }
        EvidencePack.Item item = statement(pack, "safe.involving-people-to-manage-risks").items().stream()
                .filter(i -> "nhsla".equals(i.source())).findFirst().orElseThrow();
        assertThat(item.kind()).isEqualTo("claims-linkage");
        assertThat(item.category()).isEqualTo("outcomes");
        assertThat(item.text()).isEqualTo("Obstetrics: high-value claims area. £4.9m of claims; the plan does not"
                + " address it");
        // An area no rule names: unmapped, not dropped.
        assertThat(keys(pack.unmapped())).contains("claims-linkage:nhsla:RGT-dental");
        assertThat(pack.unavailableSources()).containsExactly("broken: database unreachable");
    }

    @Test
    void aPerItemOverrideReplacesTheDefaultStatementsOfThatItemOnly() {
        EvidencePack pack = builder.build(CQC, "RGT", PERIOD, new EvidencePackBuilder.Sources(List.of(),
                Map.of("action:1", List.of("safe.safeguarding"), "change-idea:C1", List.of()), List.of()));

        assertThat(keys(statement(pack, "safe.safeguarding").items())).containsExactly("action:1");
        assertThat(statement(pack, "safe.safeguarding").items().get(0).mapping()).isEqualTo("override");
        // Action 1 is no longer under its pledge's default statements; action 3 still is.
        assertThat(keys(statement(pack, "safe.learning-culture").items())).containsExactly("action:3");
        // An empty override makes the item deliberately unmapped: it is listed, not lost.
        assertThat(keys(pack.unmapped())).containsExactly("change-idea:C1");
        assertThat(pack.gaps()).extracting(EvidencePack.Gap::id).doesNotContain("safe.safeguarding");
    }

    @Test
    void eachKeyQuestionShowsTheRegisteredProvidersCurrentRating() {
        LocalDate report = LocalDate.of(2021, 6, 24);
        Registration provider = new Registration("RGT", "provider", "RGT", "Cambridge", "RGT", "RGT", "Registered",
                null, "East", null, "Good", report, List.of(
                new Registration.KeyQuestionRating("Safe", "Requires improvement", report),
                new Registration.KeyQuestionRating("Caring", "Outstanding", report)));
        Registration site = new Registration("1-101", "location", "RGT", "Addenbrooke's", "RGT01", "RGT",
                "Registered", null, "East", null, "Good", report,
                List.of(new Registration.KeyQuestionRating("Safe", "Good", report)));

        EvidencePack pack = builder.build(CQC, "RGT", PERIOD, new EvidencePackBuilder.Sources(
                List.of(provider, site), Map.of(), List.of()));

        assertThat(pack.keyQuestions()).extracting(k -> k.currentRating() == null ? "-" : k.currentRating().rating())
                .containsExactly("Requires improvement", "-", "Outstanding", "-", "-");
        assertThat(pack.keyQuestions().get(0).currentRating())
                .isEqualTo(new EvidencePack.CurrentRating("Requires improvement", report, "RGT"));
        assertThat(pack.registrations()).extracting(EvidencePack.CqcRegistration::cqcId).containsExactly("RGT", "1-101");
    }
}
