package uk.nhs.safety.campaign.model.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.TargetStep;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoMember;
import uk.nhs.safety.campaign.model.internal.spc.XmrAnalyser;

/**
 * The worked example of each chart type in the demo content (read as the seeder reads it), charted as the measure
 * service charts it, against values computed independently from the demo files with this script (Python 3):
 *
 * <pre>
 * import json, math
 * def series(ods, key): return json.load(open('demo/activity/' + ods + '.json'))['measurements'][key]
 * s = series('REP', 'third-fourth-degree-tears'); x = [v['value'] for v in s]; n = [v['denominator'] for v in s]
 * pb = sum(x) / sum(n)                                   # 474 / 13559
 * for i in (0, 35): sd = math.sqrt(pb * (1 - pb) / n[i]); print(x[i] / n[i], max(0, pb - 3 * sd), pb + 3 * sd)
 * s = series('RM3', 'medication-harm-per-1000'); x = [v['value'] for v in s]; n = [v['denominator'] for v in s]
 * ub = sum(x) / sum(n)                                   # 461 / 842.8
 * for i in (0, 1): sd = math.sqrt(ub / n[i]); print(x[i] / n[i], max(0, ub - 3 * sd), ub + 3 * sd)
 * t = [v['value'] for v in series('RX7', 'days-between-severe-harm')]
 * y = [v ** (1 / 3.6) for v in t]; m = sum(y) / len(y)
 * mmr = sum(abs(y[i] - y[i - 1]) for i in range(1, len(y))) / (len(y) - 1)
 * print(m ** 3.6, (m + 2.66 * mmr) ** 3.6, (m - 2.66 * mmr) ** 3.6)
 * g = [v['value'] for v in series('RGT', 'operations-between-never-events')]
 * gb = sum(g) / len(g); print(gb, gb + 3 * math.sqrt(gb * (gb + 1)))
 * </pre>
 */
class DemoChartExamplesTest {

    private static final double EPS = 1e-9;

    private final List<DemoMember> members = DemoContent.fromClassPath().members();
    private final XmrAnalyser analyser = new XmrAnalyser();

    @Test
    void theTearsOfREPAreAPChartWhoseLimitsMoveWithEachMonthsBirths() {
        SpcResult p = chart("REP", "third-fourth-degree-tears", ChartType.P);

        // 36 months, 474 tears in 13,559 vaginal births: p-bar = 474 / 13559 = 0.0349583...
        assertThat(p.points()).hasSize(36);
        assertThat(p.points().get(0).mean()).isCloseTo(474.0 / 13559, within(EPS));
        // April 2014: 17 of 343; sigma = sqrt(0.0349583 × 0.9650417 / 343) = 0.0099172; limits p-bar ± 3 sigma
        SpcPoint first = p.points().get(0);
        assertThat(first.value()).isCloseTo(17.0 / 343, within(EPS));
        assertThat(first.denominator()).isEqualTo(343.0);
        assertThat(first.lowerLimit()).isCloseTo(0.005205891614095678, within(EPS));
        assertThat(first.upperLimit()).isCloseTo(0.06471076890659168, within(EPS));
        // March 2017: 6 of 382, a larger denominator, so narrower limits
        SpcPoint last = p.points().get(35);
        assertThat(last.value()).isCloseTo(6.0 / 382, within(EPS));
        assertThat(last.lowerLimit()).isCloseTo(0.006765547372841942, within(EPS));
        assertThat(last.upperLimit()).isCloseTo(0.06315111314784541, within(EPS));
        // The trajectory: 0.05, then 0.04 from April 2015, 0.035 from April 2016; in force in March 2017: 0.035,
        // between the limits at the mean denominator 13559 / 36 = 376.64 (0.006566 to 0.063351): hit and miss.
        assertThat(p.target()).isEqualTo(0.035);
        assertThat(p.assurance()).isEqualTo(Assurance.INCONSISTENT);
        assertThat(p.profile()).isEqualTo(SpcRuleProfile.MDC);
    }

    @Test
    void theMedicationHarmOfRM3IsAUChartPerThousandBedDays() {
        SpcResult u = chart("RM3", "medication-harm-per-1000", ChartType.U);

        // 36 months, 461 incidents over 842.8 thousand bed days: u-bar = 461 / 842.8 = 0.5469862...
        assertThat(u.points()).hasSize(36);
        assertThat(u.points().get(0).mean()).isCloseTo(461 / 842.8, within(EPS));
        // April 2014: 20 over 24.4; sigma = sqrt(0.5469862 / 24.4) = 0.1497246
        SpcPoint first = u.points().get(0);
        assertThat(first.value()).isCloseTo(20 / 24.4, within(EPS));
        assertThat(first.lowerLimit()).isCloseTo(0.09781230753937942, within(EPS));
        assertThat(first.upperLimit()).isCloseTo(0.9961601651706348, within(EPS));
        // May 2014: 7 over 22.0, the smallest denominator so far: wider limits
        SpcPoint second = u.points().get(1);
        assertThat(second.lowerLimit()).isCloseTo(0.07394596672599896, within(EPS));
        assertThat(second.upperLimit()).isCloseTo(1.0200265059840152, within(EPS));
    }

    @Test
    void theDaysBetweenSevereHarmOfRX7AreATChart() {
        SpcResult t = chart("RX7", "days-between-severe-harm", ChartType.T);

        // 16 gaps, 978 days in all; y = t^(1/3.6) has mean 3.0477252 and mean moving range 0.4047172;
        // centre 3.0477252^3.6 = 55.2475 days, limits (3.0477252 ± 2.66 × 0.4047172)^3.6 = 11.5083 and 164.1537
        assertThat(t.points()).hasSize(16);
        assertThat(t.points()).extracting(SpcPoint::value).startsWith(23.0, 41.0, 18.0);
        assertThat(t.points().get(0).mean()).isCloseTo(55.24753130591657, within(1e-6));
        assertThat(t.points().get(0).upperLimit()).isCloseTo(164.1536806990009, within(1e-6));
        assertThat(t.points().get(0).lowerLimit()).isCloseTo(11.508336510333326, within(1e-6));
        assertThat(t.phases().get(0).provisional()).isFalse();
        assertThat(t.points().get(0).period()).isEqualTo(LocalDate.of(2014, 4, 9));
    }

    @Test
    void theOperationsBetweenNeverEventsOfRGTAreAGChart() {
        SpcResult g = chart("RGT", "operations-between-never-events", ChartType.G);

        // 13 gaps, 25,772 operations in all: g-bar = 25772 / 13 = 1982.4615; upper limit
        // 1982.4615 + 3 × sqrt(1982.4615 × 1983.4615) = 7931.3460; lower limit 0
        assertThat(g.points()).hasSize(13);
        assertThat(g.points().get(0).mean()).isCloseTo(25772.0 / 13, within(EPS));
        assertThat(g.points().get(0).upperLimit()).isCloseTo(7931.34596473507, within(1e-6));
        assertThat(g.points().get(0).lowerLimit()).isZero();
        // 13 points: firm limits under MDC
        assertThat(g.provisional()).isFalse();
    }

    /** The demo series charted as the measure service charts it: its type, profile and the target in force. */
    private SpcResult chart(String ods, String key, ChartType expected) {
        DemoMember member = members.stream().filter(m -> m.odsCode().equals(ods)).findFirst().orElseThrow();
        Measure measure = member.plan().measures().stream().filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow();
        assertThat(measure.chartType()).isEqualTo(expected);
        List<Measurement> values = member.measurements().get(key);
        List<DataPoint> points = values.stream()
                .map(v -> new DataPoint(v.period(), v.value(), v.denominator())).toList();
        LocalDate latest = values.get(values.size() - 1).period();
        return analyser.analyse(points, measure.direction(), measure.targetOn(latest), measure.rebaseFrom(),
                measure.chartType(), SpcRuleProfile.named(measure.ruleProfile()).orElse(null));
    }

    @Test
    void theTearsTrajectoryIsStoredWithTheMeasure() {
        Measure tears = members.stream().filter(m -> m.odsCode().equals("REP")).findFirst().orElseThrow().plan()
                .measures().stream().filter(m -> m.key().equals("third-fourth-degree-tears")).findFirst()
                .orElseThrow();

        assertThat(tears.target()).isEqualTo(0.05);
        assertThat(tears.targets()).containsExactly(new TargetStep(0.04, LocalDate.of(2015, 4, 1)),
                new TargetStep(0.035, LocalDate.of(2016, 4, 1)));
    }
}
