package uk.nhs.safety.campaign.model.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.TargetStep;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.Plans;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class PlanValidationTest {

    private final TestDatabase store;
    private final PlanServiceImpl plans;

    PlanValidationTest(TestDatabase store) {
        this.store = store;
        this.plans = new PlanServiceImpl(store.database, new RecordingEvents(),
                TestDatabase.CLOCK);
    }

    @BeforeEach
    void member() {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));
    }

    @StoreTest
    void acceptsAValidPlanAndFillsInTheThreeYearPeriodEnd() {
        PlanContent saved = plans.save("alice", "RGT", Plans.plan(), null).content();

        assertThat(saved.periodEnd()).isEqualTo(LocalDate.of(2018, 3, 31));
    }

    @StoreTest
    void rejectsPlanWithoutAim() {
        DriverDiagram d = Plans.diagram();
        PlanContent noAim = Plans.withDiagram(Plans.plan(), new DriverDiagram("  ", d.primaryDrivers(),
                d.secondaryDrivers(), d.changeIdeas()));

        assertRefused(noAim, Violation.of("diagram.aim", "  ", "a plan needs an aim"));
    }

    @StoreTest
    void rejectsPlanWithoutDiagram() {
        assertRefused(Plans.withDiagram(Plans.plan(), null),
                Violation.of("diagram", null, "a plan needs a driver diagram"));
    }

    @StoreTest
    void rejectsSecondaryDriverLinkedToAMissingPrimary() {
        DriverDiagram d = Plans.diagram();
        DriverDiagram dangling = new DriverDiagram(d.aim(), d.primaryDrivers(), List.of(d.secondaryDrivers().get(0),
                new SecondaryDriver("S2", "Call bells in reach", List.of("P2", "P9"))), d.changeIdeas());

        assertRefused(Plans.withDiagram(Plans.plan(), dangling),
                Violation.of("diagram.secondaryDrivers[1].primaryKeys[1]", "P9", "no primary driver has this key"));
    }

    @StoreTest
    void rejectsChangeIdeaLinkedToAMissingSecondary() {
        DriverDiagram d = Plans.diagram();
        DriverDiagram dangling = new DriverDiagram(d.aim(), d.primaryDrivers(), d.secondaryDrivers(),
                List.of(new ChangeIdea("C1", "Falls bundle", List.of("S7")), d.changeIdeas().get(1)));

        assertRefused(Plans.withDiagram(Plans.plan(), dangling),
                Violation.of("diagram.changeIdeas[0].secondaryKeys[0]", "S7", "no secondary driver has this key"));
    }

    @StoreTest
    void rejectsDriversAndIdeasWithNoLinks() {
        DriverDiagram d = Plans.diagram();
        DriverDiagram unlinked = new DriverDiagram(d.aim(), d.primaryDrivers(),
                List.of(new SecondaryDriver("S1", "x", List.of())), List.of(new ChangeIdea("C1", "y", null)));

        assertRefused(Plans.withDiagram(Plans.plan(), unlinked),
                Violation.of("diagram.secondaryDrivers[0].primaryKeys", null, "link at least one primary driver"),
                Violation.of("diagram.changeIdeas[0].secondaryKeys", null, "link at least one secondary driver"));
    }

    @StoreTest
    void rejectsUnknownFocusArea() {
        PlanContent p = Plans.plan();
        PlanContent unknown = new PlanContent(p.title(), p.periodStart(), null, List.of("falls", "astrology"),
                p.diagram(), p.measures());

        assertRefused(unknown, Violation.of("focusAreas[1]", "astrology", "is not in the focus-area vocabulary"));
    }

    @StoreTest
    void rejectsPlanWithoutFocusArea() {
        PlanContent p = Plans.plan();

        assertRefused(new PlanContent(p.title(), p.periodStart(), null, List.of(), p.diagram(), p.measures()),
                Violation.of("focusAreas", null, "name at least one focus area"));
    }

    @StoreTest
    void rejectsDuplicateKeysAcrossTheDiagram() {
        DriverDiagram d = Plans.diagram();
        DriverDiagram duplicate = new DriverDiagram(d.aim(), d.primaryDrivers(), d.secondaryDrivers(),
                List.of(d.changeIdeas().get(0), new ChangeIdea("P1", "Same key as a primary", List.of("S1"))));

        assertRefused(Plans.withDiagram(Plans.plan(), duplicate), Violation.of("diagram.changeIdeas[1].key", "P1",
                "is already used by diagram.primaryDrivers[0]; keys must be unique across the diagram"));
    }

    @StoreTest
    void rejectsMalformedAndReservedDiagramKeys() {
        DriverDiagram d = Plans.diagram();
        DriverDiagram bad = new DriverDiagram(d.aim(), List.of(new PrimaryDriver("aim", "x"),
                new PrimaryDriver("-P", "y"), new PrimaryDriver("P1", "z")), List.of(), List.of());

        assertThatThrownBy(() -> plans.save("alice", "RGT", Plans.withMeasures(Plans.withDiagram(Plans.plan(), bad),
                List.of()), null))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().stream().map(v -> v.field() + "=" + v.value()).toList()).asList()
                .containsExactlyInAnyOrder("diagram.primaryDrivers[0].key=aim", "diagram.primaryDrivers[1].key=-P");
    }

    @StoreTest
    void rejectsMeasureLinkedToNothing() {
        Measure unlinked = measure("harm-free-care", null);
        Measure linkedToGhost = measure("ward-audits", "S9");

        assertRefused(Plans.withMeasures(Plans.plan(), List.of(Plans.fallsMeasure(), unlinked, linkedToGhost)),
                Violation.of("measures[1].linkedTo", null, "link the measure to the aim or to a driver"),
                Violation.of("measures[2].linkedTo", "S9", "is neither \"aim\" nor a key in the driver diagram"));
    }

    @StoreTest
    void acceptsMeasuresLinkedToTheAimOrAnyDriver() {
        PlanContent p = Plans.withMeasures(Plans.plan(), List.of(measure("m1", "aim"), measure("m2", "P2"),
                measure("m3", "S1"), measure("m4", "C2")));

        assertThat(plans.save("alice", "RGT", p, null).content().measures()).hasSize(4);
    }

    @StoreTest
    void rejectsDuplicateAndMalformedMeasureKeysAndMissingFields() {
        Measure incomplete = new Measure("Bad_Key", " ", null, null, null, null, Double.NaN, null, "aim", null);

        assertRefused(Plans.withMeasures(Plans.plan(), List.of(Plans.fallsMeasure(), Plans.fallsMeasure(),
                incomplete)),
                Violation.of("measures[1].key", "falls-per-1000", "is used by another measure; measure keys must be unique"),
                Violation.of("measures[2].key", "Bad_Key", "must be 1 to 50 lower-case letters, digits and hyphens,"
                        + " starting with a letter or digit"),
                Violation.of("measures[2].name", " ", "is required"),
                Violation.of("measures[2].type", null, "is required"),
                Violation.of("measures[2].unit", null, "is required"),
                Violation.of("measures[2].direction", null, "is required"),
                Violation.of("measures[2].baseline", Double.NaN, "must be a finite number"));
    }

    @StoreTest
    void rejectsARebaseDateOutsideThePlanPeriod() {
        Measure m = new Measure("falls", "Falls", MeasureType.OUTCOME, null, "n", ImprovementDirection.DOWN, null,
                null, "aim", List.of(LocalDate.of(2016, 1, 1), LocalDate.of(2018, 4, 1)));

        assertRefused(Plans.withMeasures(Plans.plan(), List.of(m)), Violation.of("measures[0].rebaseFrom[1]",
                LocalDate.of(2018, 4, 1), "must be inside the plan period 2015-04-01 to 2018-03-31"));
    }

    @StoreTest
    void rejectsAnUnknownRuleProfile() {
        Measure m = new Measure("falls", "Falls", MeasureType.OUTCOME, null, "n", ImprovementDirection.DOWN, null,
                null, "aim", List.of(), ChartType.U, "IHI_RUN_CHART");

        assertRefused(Plans.withMeasures(Plans.plan(), List.of(m)), Violation.of("measures[0].ruleProfile",
                "IHI_RUN_CHART", "is not a known SPC rule profile: use one of [MDC, NHSRPLOTTHEDOTS_0_2_2], or leave"
                        + " it out for the platform's default"));
    }

    @StoreTest
    void rejectsATargetTrajectoryOutOfDateOrderWithRepeatedDatesOrMissingParts() {
        Measure m = new Measure("falls", "Falls", MeasureType.OUTCOME, null, "n", ImprovementDirection.DOWN, null,
                8.0, "aim", List.of(), ChartType.XMR, null, java.util.Arrays.asList(
                        new TargetStep(7.0, LocalDate.of(2016, 4, 1)),
                        new TargetStep(6.5, LocalDate.of(2016, 4, 1)),
                        new TargetStep(6.0, LocalDate.of(2015, 10, 1)),
                        new TargetStep(null, LocalDate.of(2017, 4, 1)),
                        new TargetStep(Double.NaN, null),
                        null));

        assertRefused(Plans.withMeasures(Plans.plan(), List.of(m)),
                Violation.of("measures[0].targets[1].from", LocalDate.of(2016, 4, 1),
                        "is the date of the step before; each step needs its own date"),
                Violation.of("measures[0].targets[2].from", LocalDate.of(2015, 10, 1),
                        "is before the step before (2016-04-01): list the steps in date order"),
                Violation.of("measures[0].targets[3].value", null,
                        "is required: the target in force from the step's date"),
                Violation.of("measures[0].targets[4].value", Double.NaN, "must be a finite number"),
                Violation.of("measures[0].targets[4].from", null,
                        "is required: the date from which the step's target is in force"),
                Violation.of("measures[0].targets[5]", null, "is required"));
    }

    @StoreTest
    void keepsATargetTrajectoryWithTheMeasure() {
        List<TargetStep> steps = List.of(new TargetStep(7.0, LocalDate.of(2016, 4, 1)),
                new TargetStep(6.0, LocalDate.of(2017, 4, 1)));
        Measure m = new Measure("falls", "Falls", MeasureType.OUTCOME, null, "n", ImprovementDirection.DOWN, null,
                8.0, "aim", List.of(), ChartType.XMR, null, steps);

        plans.save("alice", "RGT", Plans.withMeasures(Plans.plan(), List.of(m)), null);

        Measure stored = plans.plan("RGT").orElseThrow().content().measures().get(0);
        assertThat(stored.targets()).isEqualTo(steps);
        assertThat(stored.targetOn(LocalDate.of(2016, 3, 31))).isEqualTo(8.0);
        assertThat(stored.targetOn(LocalDate.of(2016, 4, 1))).isEqualTo(7.0);
        assertThat(stored.targetOn(LocalDate.of(2018, 1, 1))).isEqualTo(6.0);
    }

    @StoreTest
    void rejectsAPeriodThatIsNotThreeYears() {
        PlanContent p = Plans.plan();
        PlanContent twoYears = new PlanContent(p.title(), p.periodStart(), LocalDate.of(2017, 3, 31),
                p.focusAreas(), p.diagram(), p.measures());

        assertThatThrownBy(() -> plans.save("alice", "RGT", twoYears, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("periodEnd")
                .hasMessageContaining("a safety improvement plan covers three years");
    }

    @StoreTest
    void reportsEveryProblemTogetherAndStoresNothing() {
        PlanContent bad = new PlanContent(" ", null, null, List.of("astrology"), null, List.of());

        assertThatThrownBy(() -> plans.save(" ", "RGT", bad, null))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().stream().map(Violation::field).toList()).asList()
                .containsExactlyInAnyOrder("actor", "title", "periodStart", "focusAreas[0]", "diagram");
        assertThat(plans.plan("RGT")).isEmpty();
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action LIKE 'plan.%'")).isZero();
    }

    private void assertRefused(PlanContent content, Violation... expected) {
        assertThatThrownBy(() -> plans.save("alice", "RGT", content, null))
                .asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .containsExactlyInAnyOrder((Object[]) expected);
        assertThat(plans.plan("RGT")).isEmpty();
    }

    private static Measure measure(String key, String linkedTo) {
        return new Measure(key, "Measure " + key, MeasureType.PROCESS, "what is counted", "%",
                ImprovementDirection.UP, null, 95.0, linkedTo, List.of());
    }
}
