package uk.nhs.safety.campaign.model.internal.pdsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;

import uk.nhs.safety.campaign.api.AuditEntry;
import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.pdsa.ChartNote;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaDecision;
import uk.nhs.safety.campaign.model.internal.audit.AuditServiceImpl;
import uk.nhs.safety.campaign.model.internal.measure.MeasureServiceImpl;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.plan.PlanServiceImpl;
import uk.nhs.safety.campaign.model.internal.spc.XmrAnalyser;
import uk.nhs.safety.campaign.model.internal.testing.Plans;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class PdsaServiceTest {

    private static final String FALLS = "falls-per-1000";
    private static final CallerAccess EDITOR = new CallerAccess("ed", Set.of("member-editor", "member:RGT"));

    private final TestDatabase store;
    private final RecordingEvents events = new RecordingEvents();
    private final PdsaServiceImpl pdsa;
    private final PlanServiceImpl plans;
    private final MeasureServiceImpl measures;

    PdsaServiceTest(TestDatabase store) {
        this.store = store;
        this.pdsa = new PdsaServiceImpl(store.database, events, TestDatabase.CLOCK);
        this.plans = new PlanServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK);
        this.measures = new MeasureServiceImpl(store.database, new RecordingEvents(), new XmrAnalyser(),
                TestDatabase.CLOCK);
    }

    @BeforeEach
    void memberWithPublishedPlan() {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));
        long version = plans.save("setup", "RGT", Plans.plan(), null).version();
        plans.publish("setup", "RGT", version);
    }

    private static PdsaCycleInput planned(String idea, LocalDate start) {
        return new PdsaCycleInput(idea, List.of(FALLS), "Falls bundle on ward 5 for two weeks", "Ward 5 sister",
                start, start.plusWeeks(2), "Every admission assessed within 6 hours", null, null, null, null, null,
                null);
    }

    private static PdsaCycleInput studied(PdsaCycleInput p, PdsaDecision decision) {
        return new PdsaCycleInput(p.changeIdea(), p.measures(), p.plan(), p.owner(), p.plannedStart(), p.plannedEnd(),
                p.prediction(), "Bundle used on 40 admissions", p.plannedStart().plusDays(1), p.plannedEnd(),
                "34 of 40 assessed in time (85%), short of the 100% predicted", decision, p.follows());
    }

    private static PdsaCycleInput following(PdsaCycleInput p, Integer follows) {
        return new PdsaCycleInput(p.changeIdea(), p.measures(), p.plan(), p.owner(), p.plannedStart(), p.plannedEnd(),
                p.prediction(), p.done(), p.doneFrom(), p.doneTo(), p.study(), p.decision(), follows);
    }

    @StoreTest
    void numbersCyclesPerChangeIdeaAndAuditsEach() {
        PdsaCycle first = pdsa.add("ed", "rgt", planned("C1", LocalDate.of(2015, 6, 3)));
        PdsaCycle second = pdsa.add("ed", "RGT", planned("C1", LocalDate.of(2015, 7, 1)));
        PdsaCycle other = pdsa.add("ed", "RGT", planned("C2", LocalDate.of(2015, 7, 1)));

        assertThat(List.of(first.number(), second.number(), other.number())).containsExactly(1, 2, 1);
        assertThat(pdsa.cycles("RGT", CallerAccess.ANONYMOUS)).extracting(c -> c.changeIdea() + "#" + c.number())
                .containsExactly("C1#1", "C1#2", "C2#1");
        List<AuditEntry> trail = new AuditServiceImpl(store.database).trail("RGT", 10);
        assertThat(trail).filteredOn(e -> e.action().equals("pdsa.added")).extracting(AuditEntry::subject)
                .containsExactlyInAnyOrder("PDSA cycle C1#1", "PDSA cycle C1#2", "PDSA cycle C2#1");
        assertThat(events.posted(PdsaServiceImpl.CYCLE_CHANGED)).hasSize(3);
    }

    @StoreTest
    void recordingACycleMakesNoNewPlanVersion() {
        pdsa.add("ed", "RGT", planned("C1", LocalDate.of(2015, 6, 3)));

        assertThat(plans.versions("RGT")).hasSize(1);
    }

    @StoreTest
    void refusesAPlanStageWithoutWhatWhoWhenAndPredictionNamingEachField() {
        PdsaCycleInput empty = new PdsaCycleInput("C1", List.of(), " ", null, null, null, "", null, null, null,
                null, null, null);

        assertThatThrownBy(() -> pdsa.add("ed", "RGT", empty)).asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .extracting(v -> ((Violation) v).field())
                .containsExactlyInAnyOrder("plan", "owner", "plannedStart", "prediction");
        assertThat(store.count("SELECT COUNT(*) FROM pdsa_cycle")).isZero();
    }

    @StoreTest
    void reportsTheShapesAndThePlansProblemsTogether() {
        PdsaCycleInput bad = new PdsaCycleInput("C9", List.of("nope"), "x", "", LocalDate.of(2015, 1, 1), null, null,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> pdsa.add("ed", "RGT", bad)).asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .extracting(v -> ((Violation) v).field())
                .containsExactlyInAnyOrder("owner", "prediction", "changeIdea", "measures[0]");
        assertThat(store.count("SELECT COUNT(*) FROM pdsa_cycle")).isZero();
    }

    @StoreTest
    void refusesStudyBeforeDoAndDecisionBeforeStudy() {
        PdsaCycleInput p = planned("C1", LocalDate.of(2015, 6, 3));
        PdsaCycleInput skipping = new PdsaCycleInput("C1", p.measures(), p.plan(), p.owner(), p.plannedStart(), null,
                p.prediction(), null, null, null, "It worked", PdsaDecision.ADOPT, null);
        PdsaCycleInput noStudy = new PdsaCycleInput("C1", p.measures(), p.plan(), p.owner(), p.plannedStart(), null,
                p.prediction(), "Ran it", p.plannedStart(), null, null, PdsaDecision.ADOPT, null);

        assertThatThrownBy(() -> pdsa.add("ed", "RGT", skipping)).asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .extracting(v -> ((Violation) v).field()).containsExactly("study");
        assertThatThrownBy(() -> pdsa.add("ed", "RGT", noStudy)).asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .extracting(v -> ((Violation) v).field()).containsExactly("decision");
    }

    @StoreTest
    void refusesAChangeIdeaOrMeasureThatThePlanDoesNotHave() {
        PdsaCycleInput p = planned("C9", LocalDate.of(2015, 6, 3));
        PdsaCycleInput wrong = new PdsaCycleInput("C9", List.of("pressure-ulcers"), p.plan(), p.owner(),
                p.plannedStart(), null, p.prediction(), null, null, null, null, null, null);

        assertThatThrownBy(() -> pdsa.add("ed", "RGT", wrong)).asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .containsExactly(Violation.of("changeIdea", "C9", "is not a change idea of the plan (it has: C1, C2)"),
                        Violation.of("measures[0]", "pressure-ulcers", "is not a measure of the plan"));
    }

    @StoreTest
    void linksTheNextCycleOnlyToACycleThatDecidedToAdapt() {
        PdsaCycle first = pdsa.add("ed", "RGT", studied(planned("C1", LocalDate.of(2015, 6, 3)), PdsaDecision.ADOPT));
        PdsaCycleInput next = following(planned("C1", LocalDate.of(2015, 7, 1)), 1);

        assertThatThrownBy(() -> pdsa.add("ed", "RGT", next)).asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .containsExactly(Violation.of("follows", 1, "cycle 1 did not decide to adapt (its decision: ADOPT)"));

        pdsa.update("ed", "RGT", "C1", 1, studied(planned("C1", LocalDate.of(2015, 6, 3)), PdsaDecision.ADAPT),
                first.version());
        PdsaCycle second = pdsa.add("ed", "RGT", next);

        assertThat(second.content().follows()).isEqualTo(1);
        assertThat(pdsa.cycles("RGT", EDITOR)).filteredOn(c -> c.number() == 1).singleElement()
                .extracting(PdsaCycle::next).isEqualTo(2);
        assertThatThrownBy(() -> pdsa.add("ed", "RGT", next)).asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .containsExactly(Violation.of("follows", 1, "cycle 1 is already followed by cycle 2"));
    }

    @StoreTest
    void refusesAnUpdateAgainstAStaleVersionAndChangesNothing() {
        PdsaCycle cycle = pdsa.add("ed", "RGT", planned("C1", LocalDate.of(2015, 6, 3)));
        pdsa.update("ed", "RGT", "C1", 1, studied(cycle.content(), null), cycle.version());

        assertThatThrownBy(() -> pdsa.update("jo", "RGT", "C1", 1, studied(cycle.content(), PdsaDecision.ABANDON),
                cycle.version())).isInstanceOf(StaleVersionException.class);
        assertThat(pdsa.cycles("RGT", EDITOR).get(0).content().decision()).isNull();
        assertThat(pdsa.cycles("RGT", EDITOR).get(0).version()).isEqualTo(2);
    }

    @StoreTest
    void showsTheCyclesOfADraftOnlyChangeIdeaToTheMembersEditorsOnly() {
        DriverDiagram d = Plans.diagram();
        List<ChangeIdea> ideas = new ArrayList<>(d.changeIdeas());
        ideas.add(new ChangeIdea("C3", "Low beds", List.of("S2")));
        long version = plans.plan("RGT").orElseThrow().version();
        plans.save("ed", "RGT", Plans.withDiagram(Plans.plan(), new DriverDiagram(d.aim(), d.primaryDrivers(),
                d.secondaryDrivers(), ideas)), version);
        pdsa.add("ed", "RGT", planned("C1", LocalDate.of(2015, 6, 3)));
        pdsa.add("ed", "RGT", planned("C3", LocalDate.of(2015, 6, 3)));

        assertThat(pdsa.cycles("RGT", CallerAccess.ANONYMOUS)).extracting(PdsaCycle::changeIdea).containsExactly("C1");
        assertThat(pdsa.cycles("RGT", EDITOR)).extracting(PdsaCycle::changeIdea).containsExactly("C1", "C3");
    }

    @StoreTest
    void annotatesAMeasuredPeriodThenEditsAndDeletesTheNoteAuditingEach() {
        LocalDate may = LocalDate.of(2015, 5, 1);
        measures.record("ed", "RGT", FALLS, may, 0.7, null);

        pdsa.annotate("ed", "RGT", FALLS, may, "New falls bundle on ward 5");
        pdsa.annotate("ed", "RGT", FALLS, may, "New falls bundle on wards 5 and 6");
        assertThat(pdsa.chartNotes("RGT", FALLS, CallerAccess.ANONYMOUS))
                .containsExactly(ChartNote.annotation(may, "New falls bundle on wards 5 and 6"));

        assertThat(pdsa.annotate("ed", "RGT", FALLS, may, " ")).isNull();
        assertThat(pdsa.chartNotes("RGT", FALLS, CallerAccess.ANONYMOUS)).isEmpty();
        assertThat(measures.measurements("RGT", FALLS).get(0).value()).isEqualTo(0.7);
        assertThat(new AuditServiceImpl(store.database).trail("RGT", 10)).extracting(AuditEntry::action)
                .startsWith("measure.annotation-deleted", "measure.annotated", "measure.annotated");
    }

    @StoreTest
    void refusesToAnnotateAPeriodWithoutAValueOrAMeasureThePlanLacks() {
        assertThatThrownBy(() -> pdsa.annotate("ed", "RGT", FALLS, LocalDate.of(2015, 5, 1), "note"))
                .asInstanceOf(type(ValidationException.class)).extracting(ValidationException::violations).asList()
                .extracting(v -> ((Violation) v).field()).containsExactly("period");
        assertThatThrownBy(() -> pdsa.annotate("ed", "RGT", "nope", LocalDate.of(2015, 5, 1), "note"))
                .isInstanceOf(NotFoundException.class);
    }

    @StoreTest
    void marksALinkedCycleAtTheLatestMeasuredPeriodOnOrBeforeItsStart() {
        measures.record("ed", "RGT", FALLS, LocalDate.of(2015, 4, 1), 0.9, null);
        measures.record("ed", "RGT", FALLS, LocalDate.of(2015, 5, 1), 0.8, null);
        measures.record("ed", "RGT", FALLS, LocalDate.of(2015, 7, 1), 0.6, null);
        // planned for 3 June, done from 4 June: June has no value, so the marker sits on May
        pdsa.add("ed", "RGT", studied(planned("C1", LocalDate.of(2015, 6, 3)), PdsaDecision.ADOPT));
        // started before the first value: listed, with no period on the chart
        pdsa.add("ed", "RGT", planned("C2", LocalDate.of(2015, 3, 10)));
        // linked to no measure: not on this chart
        PdsaCycleInput p = planned("C2", LocalDate.of(2015, 7, 2));
        pdsa.add("ed", "RGT", new PdsaCycleInput("C2", List.of(), p.plan(), p.owner(), p.plannedStart(), null,
                p.prediction(), null, null, null, null, null, null));

        assertThat(pdsa.chartNotes("RGT", FALLS, CallerAccess.ANONYMOUS)).containsExactly(
                new ChartNote(null, "Falls bundle on ward 5 for two weeks", "C2", 1, LocalDate.of(2015, 3, 10), null),
                new ChartNote(LocalDate.of(2015, 5, 1), "Falls bundle on ward 5 for two weeks", "C1", 1,
                        LocalDate.of(2015, 6, 4), PdsaDecision.ADOPT));
    }
}
