package uk.nhs.safety.campaign.model.internal.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcPhase;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.SpecialCause;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * Where the two rule profiles part: Making Data Count as taught now ({@link SpcRuleProfile#MDC}) and NHSRplotthedots
 * 0.2.2 ({@link SpcRuleProfile#NHSRPLOTTHEDOTS_0_2_2}, read from its R sources {@code ptd_spc_standard.R},
 * {@code ptd_calculate_point_type.R}, {@code ptd_calculate_assurance_type.R}). Limits were computed with python3's
 * {@code fractions} (the script in {@link XmrAnalyserTest}'s javadoc, plus, for NHSRplotthedots' screening:
 * {@code kept = [r for r in mr if r < F('3.267') * mrb]; mrb = sum(kept) / len(kept)}); flags by reading the
 * series against those limits.
 */
class RuleProfilesTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final SpcRuleProfile MDC = SpcRuleProfile.MDC;
    private static final SpcRuleProfile PTD = SpcRuleProfile.NHSRPLOTTHEDOTS_0_2_2;
    private static final LocalDate START = LocalDate.of(2015, 4, 1);

    private final XmrAnalyser analyser = new XmrAnalyser();

    @Test
    void everyResultStatesItsProfileAndParameters() {
        SpcResult mdc = analyser.analyse(series(1, 2, 3), ImprovementDirection.UP, null, List.of());
        SpcResult ptd = analyse(PTD, ImprovementDirection.UP, 1, 2, 3);

        assertThat(mdc.profile()).isEqualTo(MDC);
        assertThat(mdc.chartType()).isEqualTo(ChartType.XMR);
        assertThat(mdc.profile().runLength()).isEqualTo(7);
        assertThat(mdc.profile().trendLength()).isEqualTo(7);
        assertThat(mdc.profile().minimumPoints()).isEqualTo(13);
        assertThat(ptd.profile()).isEqualTo(PTD);
        assertThat(ptd.profile().screenMovingRanges()).isTrue();
        assertThat(ptd.limitsNote()).contains("3.267");
        assertThat(SpcRuleProfile.named("nhsrplotthedots_0_2_2")).contains(PTD);
        assertThat(SpcRuleProfile.named("IHI")).isEmpty();
    }

    @Test
    void configuredDefaultProfileAppliesWhenNoneIsNamed() {
        XmrAnalyser configured = new XmrAnalyser(config("NHSRPLOTTHEDOTS_0_2_2"));
        XmrAnalyser misconfigured = new XmrAnalyser(config("NO_SUCH_PROFILE"));

        assertThat(configured.analyse(series(1, 2, 3), ImprovementDirection.UP, null, List.of()).profile())
                .isEqualTo(PTD);
        assertThat(misconfigured.defaultProfile()).isEqualTo(MDC);
        configured.modified(config("MDC"));
        assertThat(configured.defaultProfile()).isEqualTo(MDC);
    }

    @Test
    void plotTheDotsScreensLargeMovingRangesOutOfTheLimits() {
        // 10 12 10 12 10 12 40 12 10 12 10 12 10: mean 172/13 = 13.230769..., MRs 2 x5, 28, 28, 2 x5: MR-bar
        // 76/12 = 6.333..., limits 30.077435897 .. -3.615897436 (MDC). NHSRplotthedots drops the two 28s
        // (28 >= 3.267 x 6.333 = 20.69): MR-bar 20/10 = 2, limits 13.230769 ± 5.32 = 18.550769231 .. 7.910769231.
        double[] x = {10, 12, 10, 12, 10, 12, 40, 12, 10, 12, 10, 12, 10};

        SpcPhase mdc = analyse(MDC, ImprovementDirection.UP, x).phases().get(0);
        SpcResult ptd = analyse(PTD, ImprovementDirection.UP, x);

        assertThat(mdc.meanMovingRange()).isCloseTo(6.333333333333333, EXACT);
        assertThat(mdc.upperLimit()).isCloseTo(30.077435897435898, EXACT);
        assertThat(ptd.phases().get(0).meanMovingRange()).isCloseTo(2.0, EXACT);
        assertThat(ptd.phases().get(0).upperLimit()).isCloseTo(18.550769230769230, EXACT);
        assertThat(ptd.phases().get(0).lowerLimit()).isCloseTo(7.910769230769231, EXACT);
        assertThat(ptd.points().get(6).movingRange()).isEqualTo(28.0);
        assertThat(flags(ptd)).isEqualTo(Map.of(6, SpecialCause.OUTSIDE_LIMITS));
    }

    @Test
    void plotTheDotsDoesNotCountAPointBeyondTheLimitsTowardsTwoOfThree() {
        // 16 x (19 21), 30 25 20, 4 x (21 19): NHSRplotthedots screens the MR of 9 (21 -> 30; 3.267 x 64/26 =
        // 8.04): MR-bar 55/25 = 2.2, UCL 555/27 + 5.852 = 26.41, close above 24.46. 30 is outside, so only the 25
        // is close: no 2-of-3. (MDC flags the 25: XmrAnalyserTest's "counts towards two of three".)
        double[] x = concat(alternate(19, 21, 8), new double[] {30, 25, 20}, alternate(21, 19, 4));

        assertThat(flags(analyse(PTD, ImprovementDirection.NEUTRAL, x)))
                .isEqualTo(Map.of(16, SpecialCause.OUTSIDE_LIMITS));
        assertThat(flags(analyse(MDC, ImprovementDirection.NEUTRAL, x))).isEqualTo(Map.of(
                16, SpecialCause.OUTSIDE_LIMITS, 17, SpecialCause.TWO_OF_THREE_NEAR_LIMIT));
    }

    @Test
    void plotTheDotsNeedsAllThreePointsOfTheWindowOnOneSideOfTheMean() {
        // 16 x (19 21), 25 20 25, 4 x (21 19): mean 550/27 = 20.370, MR-bar 62/26 = 2.385 (no MR screened:
        // the largest, 5, is under 7.79), close above 24.60: both 25s, but the 20 between them is below the mean.
        double[] split = concat(alternate(19, 21, 8), new double[] {25, 20, 25}, alternate(21, 19, 4));
        // 16 x (19 21), 25 22 25, 4 x (21 19): mean 552/27 = 20.444, MR-bar 58/26 = 2.231, close above 24.40:
        // both 25s close and the 22 above the mean.
        double[] together = concat(alternate(19, 21, 8), new double[] {25, 22, 25}, alternate(21, 19, 4));

        assertThat(flags(analyse(PTD, ImprovementDirection.NEUTRAL, split))).isEmpty();
        assertThat(flags(analyse(MDC, ImprovementDirection.NEUTRAL, split))).isEqualTo(Map.of(
                16, SpecialCause.TWO_OF_THREE_NEAR_LIMIT, 18, SpecialCause.TWO_OF_THREE_NEAR_LIMIT));
        assertThat(flags(analyse(PTD, ImprovementDirection.NEUTRAL, together))).isEqualTo(Map.of(
                16, SpecialCause.TWO_OF_THREE_NEAR_LIMIT, 18, SpecialCause.TWO_OF_THREE_NEAR_LIMIT));
    }

    @Test
    void mdcLetsImprovementWinAConflictWherePlotTheDotsTakesTheFirstRule() {
        // 16 x (16 24), 60 26 25 24 23 22 21, 4 x (24 16): mean 681/31 = 21.968, MR-bar 254/30 = 8.467, UCL 44.49
        // (MDC); NHSRplotthedots screens the 36 and 34: MR-bar 184/28 = 6.571, UCL 39.45. Either way 60 is above
        // the upper limit (a concern where lower is better) and starts the falling trend 60..21 (an improvement).
        double[] x = concat(alternate(16, 24, 8), new double[] {60, 26, 25, 24, 23, 22, 21}, alternate(24, 16, 4));

        SpcResult mdc = analyse(MDC, ImprovementDirection.DOWN, x);
        SpcResult ptd = analyse(PTD, ImprovementDirection.DOWN, x);

        assertThat(mdc.points().get(16).specialCause()).isEqualTo(SpecialCause.TREND);
        assertThat(mdc.points().get(16).variation()).isEqualTo(Variation.IMPROVEMENT_LOW);
        assertThat(ptd.points().get(16).specialCause()).isEqualTo(SpecialCause.OUTSIDE_LIMITS);
        assertThat(ptd.points().get(16).variation()).isEqualTo(Variation.CONCERN_HIGH);
    }

    @Test
    void plotTheDotsGivesATurningPointTheTrendItStarts() {
        // As XmrAnalyserTest's peak: a rise 14..26 then a fall 26..14; the peak (index 10) is in both trends.
        // ptd_special_cause_type takes the right-hand difference: the fall.
        double[] peak = {10, 30, 10, 30, 14, 16, 18, 20, 22, 24, 26, 24, 22, 20, 18, 16, 14, 30, 10, 30, 10};

        SpcResult ptd = analyse(PTD, ImprovementDirection.UP, peak);

        assertThat(ptd.points().get(9).variation()).isEqualTo(Variation.IMPROVEMENT_HIGH);
        assertThat(ptd.points().get(10).variation()).isEqualTo(Variation.CONCERN_LOW);
        assertThat(ptd.points().get(11).variation()).isEqualTo(Variation.CONCERN_LOW);
    }

    @Test
    void mdcGivesNoAssuranceIconWhileTheLimitsAreProvisional() {
        // 12 points alternating 18, 22: limits 9.36 .. 30.64, a target of 5 lies under the lower limit.
        double[] twelve = alternate(18, 22, 6);

        SpcResult mdc = analyser.analyse(series(twelve), ImprovementDirection.UP, 5.0, List.of());
        SpcResult ptd = analyser.analyse(series(twelve), ImprovementDirection.UP, 5.0, List.of(), ChartType.XMR,
                PTD);

        assertThat(mdc.provisional()).isTrue();
        assertThat(mdc.assurance()).isEqualTo(Assurance.NOT_APPLICABLE);
        assertThat(ptd.provisional()).isTrue();
        assertThat(ptd.assurance()).isEqualTo(Assurance.CONSISTENTLY_PASSES);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private SpcResult analyse(SpcRuleProfile profile, ImprovementDirection direction, double... values) {
        return analyser.analyse(series(values), direction, null, List.of(), ChartType.XMR, profile);
    }

    private static List<DataPoint> series(double... values) {
        return IntStream.range(0, values.length).mapToObj(i -> new DataPoint(START.plusMonths(i), values[i]))
                .toList();
    }

    private static double[] alternate(double first, double second, int pairs) {
        return IntStream.range(0, 2 * pairs).mapToDouble(i -> i % 2 == 0 ? first : second).toArray();
    }

    private static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(DoubleStream::of).toArray();
    }

    private static Map<Integer, SpecialCause> flags(SpcResult result) {
        Map<Integer, SpecialCause> flagged = new TreeMap<>();
        for (int i = 0; i < result.points().size(); i++) {
            if (result.points().get(i).specialCause() != null) {
                flagged.put(i, result.points().get(i).specialCause());
            }
        }
        return flagged;
    }

    private static XmrAnalyser.Config config(String profile) {
        return new XmrAnalyser.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return XmrAnalyser.Config.class;
            }

            @Override
            public String defaultProfile() {
                return profile;
            }
        };
    }
}
