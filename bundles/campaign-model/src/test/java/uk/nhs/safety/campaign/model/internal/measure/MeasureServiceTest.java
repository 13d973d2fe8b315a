package uk.nhs.safety.campaign.model.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import uk.nhs.safety.campaign.api.AuditEntry;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.TargetStep;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.campaign.model.internal.audit.AuditServiceImpl;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.plan.PlanServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.Plans;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class MeasureServiceTest {

    private static final String KEY = "falls-per-1000";
    private static final LocalDate APRIL = LocalDate.of(2015, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2015, 5, 1);
    private static final LocalDate JUNE = LocalDate.of(2015, 6, 1);

    /** Remembers what it was asked and answers with a fixed, recognisable result. */
    private static final class RecordingAnalyser implements SpcAnalyser {
        record Call(List<DataPoint> points, ImprovementDirection direction, Double target, List<LocalDate> rebase) {
        }

        final List<Call> calls = new ArrayList<>();
        final SpcResult answer = new SpcResult(List.of(), List.of(), Variation.IMPROVEMENT_LOW,
                Assurance.INCONSISTENT, true);

        @Override
        public SpcResult analyse(List<DataPoint> points, ImprovementDirection direction, Double target,
                                 List<LocalDate> rebaseFrom) {
            calls.add(new Call(points, direction, target, rebaseFrom));
            return answer;
        }
    }

    private final TestDatabase store;
    private final RecordingEvents events = new RecordingEvents();
    private final RecordingAnalyser analyser = new RecordingAnalyser();
    private final MeasureServiceImpl measures;
    private final PlanServiceImpl plans;

    MeasureServiceTest(TestDatabase store) {
        this.store = store;
        this.measures = new MeasureServiceImpl(store.database, events, analyser, TestDatabase.CLOCK);
        this.plans = new PlanServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK);
    }

    @BeforeEach
    void memberWithPlan() {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));
        plans.save("setup", "RGT", Plans.plan(), null);
    }

    @StoreTest
    void recordsValuesAndReadsThemOldestFirst() {
        measures.record("alice", "rgt", KEY, MAY, 0.7, null);
        measures.record("alice", "RGT", KEY, APRIL, 0.9, "baseline month");

        assertThat(measures.measurements("RGT", KEY)).containsExactly(
                new Measurement(APRIL, 0.9, "baseline month"), new Measurement(MAY, 0.7, null));
    }

    @StoreTest
    void recordingAPeriodAgainReplacesItsValueAndAuditsOldAndNew() {
        measures.record("alice", "RGT", KEY, APRIL, 0.9, null);

        measures.record("bob", "RGT", KEY, APRIL, 0.85, "corrected");

        assertThat(measures.measurements("RGT", KEY)).containsExactly(new Measurement(APRIL, 0.85, "corrected"));
        List<AuditEntry> trail = new AuditServiceImpl(store.database).trail("RGT", 10);
        AuditEntry latest = trail.get(0);
        assertThat(latest.actor()).isEqualTo("bob");
        assertThat(latest.action()).isEqualTo("measure.recorded");
        assertThat(latest.subject()).isEqualTo("measure " + KEY + " " + APRIL);
        assertThat(latest.detail()).contains("0.9 → 0.85");
        assertThat(trail).filteredOn(e -> e.action().equals("measure.recorded")).hasSize(2);
    }

    @StoreTest
    void announcesEachRecordedValueAfterCommit() {
        events.onPost(p -> assertThat(store.count("SELECT COUNT(*) FROM measurement WHERE period_start = ?",
                LocalDate.parse((String) p.properties().get(CampaignTopics.PERIOD)))).isEqualTo(1));

        measures.record("alice", "RGT", KEY, APRIL, 0.9, null);

        assertThat(events.posted()).containsExactly(new RecordingEvents.Posted(CampaignTopics.MEASUREMENT_RECORDED,
                Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "alice", CampaignTopics.MEASURE_KEY, KEY,
                        CampaignTopics.PERIOD, "2015-04-01", CampaignTopics.VALUE, 0.9)));
    }

    @StoreTest
    void refusesAMeasureThatIsNotInTheCurrentPlan() {
        assertThatThrownBy(() -> measures.record("alice", "RGT", "no-such-measure", APRIL, 1, null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-measure");
        assertThatThrownBy(() -> measures.record("alice", "RXX", KEY, APRIL, 1, null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("RXX");
        assertThat(store.count("SELECT COUNT(*) FROM measurement")).isZero();
        assertThat(events.posted()).isEmpty();
    }

    @StoreTest
    void refusesPeriodsOutsideTheConfiguredRange() {
        // TestDatabase.CLOCK is 2015-04-01: by default the months from 2000-01 to 2016-04 (12 months ahead)
        for (LocalDate outside : List.of(LocalDate.of(1, 1, 1), LocalDate.of(1999, 12, 1), LocalDate.of(2016, 5, 1),
                LocalDate.of(9999, 12, 1))) {
            assertThatThrownBy(() -> measures.record("alice", "RGT", KEY, outside, 1, null)).as(outside.toString())
                    .asInstanceOf(type(ValidationException.class))
                    .satisfies(e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("period");
                        assertThat(v.message()).isEqualTo("must be a month from 2000-01 to 2016-04");
                    }));
        }
        measures.record("alice", "RGT", KEY, LocalDate.of(2000, 1, 1), 1, null);
        measures.record("alice", "RGT", KEY, LocalDate.of(2016, 4, 1), 1, null);

        measures.periods(new MeasureServiceImpl.PeriodRange(java.time.YearMonth.of(2014, 4), 0));
        assertThatThrownBy(() -> measures.record("alice", "RGT", KEY, LocalDate.of(2014, 3, 1), 1, null))
                .hasMessageContaining("must be a month from 2014-04 to 2015-04");
        assertThatThrownBy(() -> measures.record("alice", "RGT", KEY, LocalDate.of(2015, 5, 1), 1, null))
                .hasMessageContaining("must be a month from 2014-04 to 2015-04");
        assertThat(store.count("SELECT COUNT(*) FROM measurement")).isEqualTo(2);
    }

    @StoreTest
    void refusesAnUnusableValue() {
        assertThatThrownBy(() -> measures.record("", "RGT", KEY, null, Double.POSITIVE_INFINITY, "n".repeat(501)))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().stream().map(Violation::field).toList()).asList()
                .containsExactlyInAnyOrder("actor", "period", "value", "annotation");
        assertThat(store.count("SELECT COUNT(*) FROM measurement")).isZero();
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action = 'measure.recorded'")).isZero();
    }

    @StoreTest
    void progressHandsTheValuesDirectionAndTargetToTheAnalyser() {
        measures.record("alice", "RGT", KEY, MAY, 0.7, null);
        measures.record("alice", "RGT", KEY, APRIL, 0.9, null);

        MeasureProgress progress = measures.progress("RGT", KEY);

        Measure falls = Plans.fallsMeasure();
        assertThat(progress.odsCode()).isEqualTo("RGT");
        assertThat(progress.measure()).isEqualTo(falls);
        assertThat(progress.spc()).isSameAs(analyser.answer);
        assertThat(analyser.calls).containsExactly(new RecordingAnalyser.Call(
                List.of(new DataPoint(APRIL, 0.9), new DataPoint(MAY, 0.7)), falls.direction(), falls.target(),
                List.of()));
    }

    @StoreTest
    void progressStartsAPhaseAtTheFirstValueOnOrAfterEachRebaseDate() {
        Measure rebased = new Measure(KEY, "Falls", MeasureType.OUTCOME, null, "n", ImprovementDirection.DOWN, null,
                null, "aim", List.of(LocalDate.of(2015, 5, 15), LocalDate.of(2017, 1, 1), APRIL));
        plans.save("setup", "RGT", Plans.withMeasures(Plans.plan(), List.of(rebased)),
                plans.plan("RGT").orElseThrow().version());
        for (LocalDate month : List.of(APRIL, MAY, JUNE)) {
            measures.record("alice", "RGT", KEY, month, 1, null);
        }

        measures.progress("RGT", KEY);

        // 15 May falls between values, so June starts the phase; 2017 has no values yet; April is the first value.
        assertThat(analyser.calls.get(0).rebase()).containsExactly(JUNE);
    }

    @StoreTest
    void recordsADenominatorAndChartsThePChartUnderTheMeasuresProfile() {
        usePChartMeasure("NHSRPLOTTHEDOTS_0_2_2");
        MeasureServiceImpl real = new MeasureServiceImpl(store.database, events,
                new uk.nhs.safety.campaign.model.internal.spc.XmrAnalyser(), TestDatabase.CLOCK);

        real.record("alice", "RGT", KEY, APRIL, 2, 50.0, null);
        real.record("alice", "RGT", KEY, MAY, 3, 100.0, "new bundle");
        real.record("alice", "RGT", KEY, MAY, 4, 100.0, "corrected");

        assertThat(real.measurements("RGT", KEY)).containsExactly(new Measurement(APRIL, 2, null, 50.0),
                new Measurement(MAY, 4, "corrected", 100.0));
        MeasureProgress progress = real.progress("RGT", KEY);
        // p-bar = 6/150 = 0.04; the charted values are 2/50 and 4/100.
        assertThat(progress.spc().chartType()).isEqualTo(ChartType.P);
        assertThat(progress.spc().profile()).isEqualTo(SpcRuleProfile.NHSRPLOTTHEDOTS_0_2_2);
        assertThat(progress.spc().points()).extracting(SpcPoint::value).containsExactly(0.04, 0.04);
        assertThat(progress.spc().points()).extracting(SpcPoint::denominator).containsExactly(50.0, 100.0);
        assertThat(new AuditServiceImpl(store.database).trail("RGT", 1).get(0).detail()).contains("out of 100.0");
    }

    @StoreTest
    void refusesAProportionWithoutADenominatorOrAboveItAndChangesNothing() {
        usePChartMeasure(null);

        assertThatThrownBy(() -> measures.record("alice", "RGT", KEY, APRIL, 3, null, null))
                .asInstanceOf(type(ValidationException.class))
                .satisfies(e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("denominator");
                    assertThat(v.message()).contains("is required for measure '" + KEY + "', drawn as a p chart");
                }));
        assertThatThrownBy(() -> measures.record("alice", "RGT", KEY, APRIL, 7, 5.0, null))
                .asInstanceOf(type(ValidationException.class))
                .satisfies(e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("value");
                    assertThat(v.message()).contains("more than its denominator 5.0");
                }));
        assertThatThrownBy(() -> measures.record("alice", "RGT", KEY, APRIL, 3, -1.0, null))
                .asInstanceOf(type(ValidationException.class))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(
                        "denominator"));
        assertThat(store.count("SELECT COUNT(*) FROM measurement")).isZero();
        assertThat(events.posted()).isEmpty();
    }

    @StoreTest
    void anXmrMeasureKeepsAGivenDenominatorButDoesNotNeedOne() {
        measures.record("alice", "RGT", KEY, APRIL, 0.9, 1200.0, null);
        measures.record("alice", "RGT", KEY, MAY, 0.7, null);

        assertThat(measures.measurements("RGT", KEY)).extracting(Measurement::denominator)
                .containsExactly(1200.0, null);
    }

    @StoreTest
    void judgesAssuranceAgainstTheTargetStepInForceAtTheLatestPoint() {
        // Lower is better. The single target 5 applies until the trajectory's first step, 8.5 from May 2015; a
        // step of 4 from July 2015 lies beyond the latest value (June) and is not in force yet.
        Measure trajectory = new Measure(KEY, "Falls", MeasureType.OUTCOME, null, "n", ImprovementDirection.DOWN,
                null, 5.0, "aim", List.of(), ChartType.XMR, "NHSRPLOTTHEDOTS_0_2_2",
                List.of(new TargetStep(8.5, MAY), new TargetStep(4.0, LocalDate.of(2015, 7, 1))));
        plans.save("setup", "RGT", Plans.withMeasures(Plans.plan(), List.of(trajectory)),
                plans.plan("RGT").orElseThrow().version());
        MeasureServiceImpl real = new MeasureServiceImpl(store.database, events,
                new uk.nhs.safety.campaign.model.internal.spc.XmrAnalyser(), TestDatabase.CLOCK);
        real.record("alice", "RGT", KEY, APRIL, 7.0, null);
        real.record("alice", "RGT", KEY, MAY, 7.2, null);
        real.record("alice", "RGT", KEY, JUNE, 6.8, null);

        SpcResult spc = real.progress("RGT", KEY).spc();

        // mean 21 / 3 = 7; moving ranges 0.2 and 0.4, mean 0.3; limits 7 ± 2.66 × 0.3 = 6.202 to 7.798: wholly
        // below (better than) 8.5, the step in force in June. Against 5 (April's target) or 4 (July's) it would
        // consistently fail. The profile gives assurance on provisional limits.
        assertThat(spc.target()).isEqualTo(8.5);
        assertThat(spc.phases().get(0).upperLimit()).isCloseTo(7.798, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(spc.assurance()).isEqualTo(Assurance.CONSISTENTLY_PASSES);
    }

    private void usePChartMeasure(String profile) {
        Measure falls = Plans.fallsMeasure();
        Measure p = new Measure(KEY, "Patients who fell", MeasureType.OUTCOME, null, "patients",
                ImprovementDirection.DOWN, null, null, "aim", List.of(), ChartType.P, profile);
        assertThat(falls.key()).isEqualTo(p.key());
        plans.save("setup", "RGT", Plans.withMeasures(Plans.plan(), List.of(p)),
                plans.plan("RGT").orElseThrow().version());
    }
}
