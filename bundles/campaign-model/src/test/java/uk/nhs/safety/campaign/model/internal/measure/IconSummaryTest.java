package uk.nhs.safety.campaign.model.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;

import uk.nhs.safety.campaign.api.IconSummary;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureIcons;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.MemberIcons;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.plan.PlanServiceImpl;
import uk.nhs.safety.campaign.model.internal.spc.XmrAnalyser;
import uk.nhs.safety.campaign.model.internal.testing.Plans;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/**
 * The icon summary, a member's and the nation's, with the real analyser (MDC profile, XmR). The expected icons are
 * worked out by hand below each series (limits = mean ± 2.66 × mean moving range; with moving-range screening, which
 * leaves out a moving range of 3.267 × their mean or more, the icons come out the same).
 */
class IconSummaryTest {

    private static final CallerAccess RGT_EDITOR = new CallerAccess("ed", Set.of("member-editor", "member:RGT"));
    private static final LocalDate FIRST = LocalDate.of(2014, 3, 1);

    private final TestDatabase store;
    private final PlanServiceImpl plans;
    private final MeasureServiceImpl measures;

    IconSummaryTest(TestDatabase store) {
        this.store = store;
        this.plans = new PlanServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK);
        this.measures = new MeasureServiceImpl(store.database, new RecordingEvents(), new XmrAnalyser(),
                TestDatabase.CLOCK);
    }

    private static Measure measure(String key, ImprovementDirection direction, Double target) {
        return new Measure(key, "Measure " + key, MeasureType.OUTCOME, "def", "per 1,000 bed days", direction, null,
                target, "aim", List.of());
    }

    private void join(String code, String region) {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember(code, "Trust " + code, OrganisationType.ACUTE, region, null, LocalDate.of(2014, 6, 1)));
    }

    private long publish(String code, List<Measure> list) {
        long v = plans.save("ed", code, Plans.withMeasures(Plans.plan(), list), null).version();
        plans.publish("ed", code, v);
        return plans.plan(code).orElseThrow().version();
    }

    private void record(String code, String key, double... values) {
        for (int i = 0; i < values.length; i++) {
            measures.record("ed", code, key, FIRST.plusMonths(i), values[i], null);
        }
    }

    /**
     * RGT (London), published: "falls" (lower is better, target 0.4), "harm-free" (higher is better, target 50) and
     * "no-data" (no target, no values); then a working copy that adds "draft-only". RXX (no region), published: "falls"
     * (target 5). RZZ (London) has only a working copy.
     */
    @BeforeEach
    void members() {
        join("RGT", "London");
        join("RXX", null);
        join("RZZ", "London");
        long v = publish("RGT", List.of(measure("falls", ImprovementDirection.DOWN, 0.4),
                measure("harm-free", ImprovementDirection.UP, 50.0), measure("no-data", ImprovementDirection.UP, null)));
        publish("RXX", List.of(measure("falls", ImprovementDirection.DOWN, 5.0)));
        plans.save("ed", "RZZ", Plans.withMeasures(Plans.plan(), List.of(measure("falls", ImprovementDirection.DOWN,
                1.0))), null);
        // 1,2,1,2,…,1 (13 values) then 9: mean 28/14 = 2, mean moving range 20/13 ≈ 1.54, limits 2 ± 4.09 =
        // -2.09 … 6.09; 9 is above the upper limit and lower is better: concern (high). The target 0.4 lies within
        // the limits: hit and miss. (Screened: the range 8 ≥ 3.267 × 1.54 goes, limits 2 ± 2.66: the same icons.)
        record("RGT", "falls", 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 9);
        // 90,92,…,90 (13 values): mean 1182/13 ≈ 90.92, moving range 2, limits 85.6 … 96.2; no run of 7 on one
        // side, no trend, no point beyond 2 sigma: common cause. The target 50 is below the lower limit and higher is
        // better: consistently passes.
        record("RGT", "harm-free", 90, 92, 90, 92, 90, 92, 90, 92, 90, 92, 90, 92, 90);
        plans.save("ed", "RGT", Plans.withMeasures(Plans.plan(), List.of(
                measure("falls", ImprovementDirection.DOWN, 0.4), measure("draft-only", ImprovementDirection.UP, 1.0))),
                v);
        record("RGT", "draft-only", 3, 3, 3);
        // 1,2,…,1 (13 values): mean 19/13 ≈ 1.46, moving range 1, limits -1.2 … 4.12; the target 5 is above the upper
        // limit and lower is better: consistently passes; the last point is common cause.
        record("RXX", "falls", 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1);
        record("RZZ", "falls", 4, 4, 4);
    }

    @StoreTest
    void givesEveryPublishedMeasureItsLatestIconsValueTargetAndDate() {
        MemberIcons rgt = measures.icons("rgt", CallerAccess.ANONYMOUS);

        assertThat(rgt.odsCode()).isEqualTo("RGT");
        assertThat(rgt.region()).isEqualTo("London");
        assertThat(rgt.planVersion()).isEqualTo(1);
        assertThat(rgt.draft()).isFalse();
        assertThat(rgt.measures()).extracting(MeasureIcons::key).containsExactly("falls", "harm-free", "no-data");
        MeasureIcons falls = rgt.measures().get(0);
        assertThat(falls.variation()).isEqualTo(Variation.CONCERN_HIGH);
        assertThat(falls.assurance()).isEqualTo(Assurance.INCONSISTENT);
        assertThat(falls.latestValue()).isEqualTo(9.0);
        assertThat(falls.latestPeriod()).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(falls.target()).isEqualTo(0.4);
        assertThat(falls.points()).isEqualTo(14);
        assertThat(falls.provisional()).isFalse();
        assertThat(falls.chartType()).isEqualTo(ChartType.XMR);
        assertThat(falls.ruleProfile()).isEqualTo("MDC");
        MeasureIcons harmFree = rgt.measures().get(1);
        assertThat(harmFree.variation()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(harmFree.assurance()).isEqualTo(Assurance.CONSISTENTLY_PASSES);
        assertThat(harmFree.latestValue()).isEqualTo(90.0);
        assertThat(harmFree.latestPeriod()).isEqualTo(LocalDate.of(2015, 3, 1));
        MeasureIcons noData = rgt.measures().get(2);
        assertThat(noData.points()).isZero();
        assertThat(noData.latestValue()).isNull();
        assertThat(noData.latestPeriod()).isNull();
        assertThat(noData.variation()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(noData.assurance()).isEqualTo(Assurance.NOT_APPLICABLE);
    }

    @StoreTest
    void showsTheWorkingCopyToTheMembersEditorsOnly() {
        MemberIcons editor = measures.icons("RGT", RGT_EDITOR);

        assertThat(editor.draft()).isTrue();
        assertThat(editor.measures()).extracting(MeasureIcons::key).containsExactly("falls", "draft-only");
        assertThat(editor.measures().get(1).points()).isEqualTo(3);
        assertThat(editor.measures().get(1).provisional()).isTrue();
        assertThat(measures.icons("RZZ", CallerAccess.ANONYMOUS).measures()).isEmpty();
        assertThat(measures.icons("RZZ", CallerAccess.ANONYMOUS).planVersion()).isNull();
    }

    @StoreTest
    void allProgressIsEachVisibleMeasuresOwnProgressInThePlansOrder() {
        List<MeasureProgress> editor = measures.allProgress("rgt", RGT_EDITOR);
        List<MeasureProgress> anyone = measures.allProgress("RGT", CallerAccess.ANONYMOUS);

        assertThat(editor).extracting(p -> p.measure().key()).containsExactly("falls", "draft-only");
        assertThat(anyone).extracting(p -> p.measure().key()).containsExactly("falls", "harm-free", "no-data");
        for (MeasureProgress p : editor) {
            assertThat(p).isEqualTo(measures.progress("RGT", p.measure().key(), RGT_EDITOR));
        }
        for (MeasureProgress p : anyone) {
            assertThat(p).isEqualTo(measures.progress("RGT", p.measure().key(), CallerAccess.ANONYMOUS));
        }
        // falls: 14 values, the last (9) above the upper limit 6.09 with lower better (worked out in members())
        assertThat(anyone.get(0).spc().points()).hasSize(14);
        assertThat(anyone.get(0).spc().variation()).isEqualTo(Variation.CONCERN_HIGH);
        assertThat(anyone.get(2).spc().points()).isEmpty();
        assertThat(measures.allProgress("RZZ", CallerAccess.ANONYMOUS)).isEmpty();
        assertThatThrownBy(() -> measures.allProgress("RQQ", CallerAccess.ANONYMOUS))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("RQQ");
    }

    @StoreTest
    void refusesAnUnknownMember() {
        assertThatThrownBy(() -> measures.icons("RQQ", CallerAccess.ANONYMOUS))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("RQQ");
    }

    @StoreTest
    void groupsPublishedMeasuresByRegionWithTheUnknownRegionLastAndCountsEachIcon() {
        IconSummary national = measures.nationalIcons();

        assertThat(national.regions()).extracting(IconSummary.Region::name)
                .containsExactly("London", IconSummary.UNKNOWN_REGION);
        IconSummary.Region london = national.regions().get(0);
        // RZZ has published nothing, so London is RGT's three published measures (not its draft).
        assertThat(london.members()).extracting(MemberIcons::odsCode).containsExactly("RGT");
        assertThat(london.members().get(0).measures()).extracting(MeasureIcons::key)
                .containsExactly("falls", "harm-free", "no-data");
        assertThat(london.counts().measures()).isEqualTo(3);
        assertThat(london.counts().variation()).containsExactly(Map.entry(Variation.COMMON_CAUSE, 2),
                Map.entry(Variation.IMPROVEMENT_HIGH, 0), Map.entry(Variation.IMPROVEMENT_LOW, 0),
                Map.entry(Variation.CONCERN_HIGH, 1), Map.entry(Variation.CONCERN_LOW, 0),
                Map.entry(Variation.NEUTRAL_HIGH, 0), Map.entry(Variation.NEUTRAL_LOW, 0));
        assertThat(london.counts().assurance()).containsExactly(Map.entry(Assurance.CONSISTENTLY_PASSES, 1),
                Map.entry(Assurance.CONSISTENTLY_FAILS, 0), Map.entry(Assurance.INCONSISTENT, 1),
                Map.entry(Assurance.NOT_APPLICABLE, 1));
        IconSummary.Region unknown = national.regions().get(1);
        assertThat(unknown.members()).extracting(MemberIcons::odsCode).containsExactly("RXX");
        assertThat(unknown.members().get(0).measures().get(0).variation()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(unknown.members().get(0).measures().get(0).assurance()).isEqualTo(Assurance.CONSISTENTLY_PASSES);
        assertThat(national.total().measures()).isEqualTo(4);
        assertThat(national.total().variation().get(Variation.COMMON_CAUSE)).isEqualTo(3);
        assertThat(national.total().variation().get(Variation.CONCERN_HIGH)).isEqualTo(1);
        assertThat(national.total().assurance().get(Assurance.CONSISTENTLY_PASSES)).isEqualTo(2);
        assertThat(national.total().assurance().get(Assurance.INCONSISTENT)).isEqualTo(1);
        assertThat(national.total().assurance().get(Assurance.NOT_APPLICABLE)).isEqualTo(1);
    }

    @StoreTest
    void leavesOutOfTheNationalSummaryAMeasureWhoseValuesItsChartTypeRefuses() {
        // RXX's falls values have no denominators; its next published plan draws falls as a p chart
        long v = plans.plan("RXX").orElseThrow().version();
        Measure asP = new Measure("falls", "Measure falls", MeasureType.OUTCOME, "def", "%", ImprovementDirection.DOWN,
                null, 5.0, "aim", List.of(), ChartType.P, null);
        plans.publish("ed", "RXX", plans.save("ed", "RXX", Plans.withMeasures(Plans.plan(), List.of(asP)), v)
                .version());

        IconSummary national = measures.nationalIcons();

        assertThat(national.regions().get(1).members().get(0).measures()).isEmpty();
        assertThat(national.total().measures()).isEqualTo(3);
    }

    @StoreTest
    void nationalRowsAreTheSameAsEachMembersOwn() {
        IconSummary national = measures.nationalIcons();

        assertThat(national.regions().get(0).members().get(0)).isEqualTo(measures.icons("RGT", CallerAccess.ANONYMOUS));
        assertThat(national.regions().get(1).members().get(0)).isEqualTo(measures.icons("RXX", CallerAccess.ANONYMOUS));
    }
}
