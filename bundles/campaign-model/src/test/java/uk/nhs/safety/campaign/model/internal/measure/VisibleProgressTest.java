package uk.nhs.safety.campaign.model.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.plan.PlanServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.Plans;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/**
 * Core's one draft rule for plans and measures: editors of the member see the working copy, everyone else the latest
 * published version, analysed with that version's target and re-baseline dates.
 */
class VisibleProgressTest {

    private static final String KEY = "falls-per-1000";
    private static final CallerAccess EDITOR = new CallerAccess("ed", Set.of("member-editor", "member:RGT"));
    private static final CallerAccess OTHER_EDITOR = new CallerAccess("jo", Set.of("member-editor", "member:RJZ"));

    /** What the analyser was asked: the target and the phase starts. */
    private record Asked(Double target, List<LocalDate> phases) {
    }

    private final List<Asked> asked = new ArrayList<>();
    private final SpcAnalyser analyser = (points, direction, target, phases) -> {
        asked.add(new Asked(target, phases));
        return new SpcResult(List.of(), List.of(), Variation.COMMON_CAUSE, Assurance.NOT_APPLICABLE, true);
    };
    private final TestDatabase store;
    private final PlanServiceImpl plans;
    private final MeasureServiceImpl measures;

    VisibleProgressTest(TestDatabase store) {
        this.store = store;
        this.plans = new PlanServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK);
        this.measures = new MeasureServiceImpl(store.database, new RecordingEvents(), analyser, TestDatabase.CLOCK);
    }

    private static Measure falls(double target, List<LocalDate> rebase) {
        return new Measure(KEY, "Falls with harm", uk.nhs.safety.campaign.api.MeasureType.OUTCOME, "def", "unit",
                ImprovementDirection.DOWN, 0.8, target, "aim", rebase);
    }

    /**
     * Published: target 0.4, re-based from 2015-05-01. Then the working copy moves the target to 0.3 and the re-base to
     * 2015-06-15 and adds a draft-only measure. Values: April to July 2015.
     */
    @BeforeEach
    void publishedThenEdited() {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, LocalDate.of(2014, 6, 1)));
        long v = plans.save("ed", "RGT", Plans.withMeasures(Plans.plan(),
                List.of(falls(0.4, List.of(LocalDate.of(2015, 5, 1))))), null).version();
        plans.publish("ed", "RGT", v);
        v = plans.plan("RGT").orElseThrow().version();
        Measure draftOnly = new Measure("draft-only", "Draft", uk.nhs.safety.campaign.api.MeasureType.PROCESS, "d",
                "u", ImprovementDirection.UP, null, 1.0, "aim", List.of());
        plans.save("ed", "RGT", Plans.withMeasures(Plans.plan(),
                List.of(falls(0.3, List.of(LocalDate.of(2015, 6, 15))), draftOnly)), v);
        for (int month = 4; month <= 7; month++) {
            measures.record("ed", "RGT", KEY, LocalDate.of(2015, month, 1), 1.0 - month / 10.0, null);
        }
    }

    @StoreTest
    void showsTheLatestPublishedMeasureToEveryoneButTheMembersEditors() {
        MeasureProgress anonymous = measures.progress("RGT", KEY, CallerAccess.ANONYMOUS);
        measures.progress("RGT", KEY, OTHER_EDITOR);

        assertThat(anonymous.measure().target()).isEqualTo(0.4);
        // re-based from 1 May: the first value on or after it is May's, which is not the first value (April's)
        assertThat(asked).containsExactly(new Asked(0.4, List.of(LocalDate.of(2015, 5, 1))),
                new Asked(0.4, List.of(LocalDate.of(2015, 5, 1))));
    }

    @StoreTest
    void showsTheWorkingCopyToTheMembersEditors() {
        MeasureProgress editor = measures.progress("RGT", KEY, EDITOR);

        assertThat(editor.measure().target()).isEqualTo(0.3);
        // re-based from 15 June: the first value on or after it is July's
        assertThat(asked).containsExactly(new Asked(0.3, List.of(LocalDate.of(2015, 7, 1))));
        assertThat(measures.progress("RGT", "draft-only", EDITOR).measure().key()).isEqualTo("draft-only");
    }

    @StoreTest
    void hidesADraftOnlyMeasureFromEveryoneElse() {
        assertThatThrownBy(() -> measures.progress("RGT", "draft-only", CallerAccess.ANONYMOUS))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("member RGT has no measure 'draft-only' in a plan you may see");
    }

    @StoreTest
    void givesThePlanContentEachCallerMaySee() {
        assertThat(plans.visibleContent("RGT", CallerAccess.ANONYMOUS).orElseThrow().measures())
                .extracting(Measure::key).containsExactly(KEY);
        assertThat(plans.visibleContent("RGT", EDITOR).orElseThrow().measures())
                .extracting(Measure::key).containsExactly(KEY, "draft-only");
        assertThat(plans.latestPublished("RGT").orElseThrow().number()).isEqualTo(1);
        // the contract: an unknown member is not found (not "no plan published")
        assertThatThrownBy(() -> plans.latestPublished("RJZ")).isInstanceOf(NotFoundException.class);
    }
}
