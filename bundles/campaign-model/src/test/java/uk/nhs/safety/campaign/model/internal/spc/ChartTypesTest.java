package uk.nhs.safety.campaign.model.internal.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.SpecialCause;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * Worked examples of the p, u, T and G charts. Every expected number was computed outside the engine with python3
 * (the lines quoted in each test) from the formulas in DOMAIN.md ("Rule profiles and more chart types"):
 *
 * <pre>
 * from math import sqrt
 * p = sum(x) / sum(n); s = sqrt(p * (1 - p) / ni); ucl = min(1, p + 3 * s); lcl = max(0, p - 3 * s)   # p chart
 * u = sum(x) / sum(n); s = sqrt(u / ni); ucl = u + 3 * s; lcl = max(0, u - 3 * s)                      # u chart
 * y = [v ** (1 / 3.6) for v in t]; XmR on y; centre, limits ** 3.6, lower from max(0, lcl_y)           # T chart
 * g = mean; ucl = g + 3 * sqrt(g * (g + 1)); lcl = 0                                                  # G chart
 * </pre>
 */
class ChartTypesTest {

    private static final Offset<Double> CLOSE = within(1e-9);
    private static final LocalDate START = LocalDate.of(2024, 4, 1);

    private final XmrAnalyser analyser = new XmrAnalyser();

    @Test
    void pChartLimitsVaryWithEachPointsDenominator() {
        // x = 2 3 1 4 out of n = 50 100 25 100: p-bar = 10/275 = 0.036363636...
        // n = 50:  sigma = sqrt(p(1-p)/50),  UCL 0.115783016974, LCL 0 (p - 3 sigma < 0)
        // n = 100: UCL 0.092521618951; n = 25: UCL 0.148679601538; phase at n-bar 68.75: UCL 0.104092711718
        SpcResult result = analyser.analyse(counts(new double[] {2, 3, 1, 4}, new double[] {50, 100, 25, 100}),
                ImprovementDirection.DOWN, null, List.of(), ChartType.P, null);

        assertThat(result.chartType()).isEqualTo(ChartType.P);
        assertThat(result.points()).extracting(SpcPoint::value).containsExactly(0.04, 0.03, 0.04, 0.04);
        assertThat(result.points()).extracting(SpcPoint::denominator).containsExactly(50.0, 100.0, 25.0, 100.0);
        assertThat(result.points()).allSatisfy(p -> {
            assertThat(p.mean()).isCloseTo(0.036363636363636, CLOSE);
            assertThat(p.lowerLimit()).isZero();
            assertThat(p.movingRange()).isNull();
        });
        assertThat(result.points().get(0).upperLimit()).isCloseTo(0.115783016973969, CLOSE);
        assertThat(result.points().get(1).upperLimit()).isCloseTo(0.092521618950838, CLOSE);
        assertThat(result.points().get(2).upperLimit()).isCloseTo(0.148679601538040, CLOSE);
        assertThat(result.phases().get(0).upperLimit()).isCloseTo(0.104092711718204, CLOSE);
        assertThat(result.limitsNote()).contains("denominator");
        assertThat(result.variation()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void uChartFlagsARateAboveItsOwnUpperLimit() {
        // x = 12 8 15 30 events over n = 2.0 1.6 2.4 2.0 thousand bed days: u-bar = 65/8 = 8.125
        // n = 2.0: UCL 14.171693311224, LCL 2.078306688776; n = 1.6: UCL 14.885408641495, LCL 1.364591358505;
        // n = 2.4: UCL 13.644850541455, LCL 2.605149458545. Rates 6 5 6.25 15: 15 > 14.17 is outside.
        SpcResult result = analyser.analyse(counts(new double[] {12, 8, 15, 30}, new double[] {2.0, 1.6, 2.4, 2.0}),
                ImprovementDirection.DOWN, null, List.of(), ChartType.U, null);

        assertThat(result.points()).extracting(SpcPoint::value).containsExactly(6.0, 5.0, 6.25, 15.0);
        assertThat(result.points().get(1).upperLimit()).isCloseTo(14.885408641494980, CLOSE);
        assertThat(result.points().get(1).lowerLimit()).isCloseTo(1.364591358505020, CLOSE);
        assertThat(result.points().get(2).upperLimit()).isCloseTo(13.644850541454904, CLOSE);
        assertThat(result.points().get(2).lowerLimit()).isCloseTo(2.605149458545095, CLOSE);
        assertThat(result.points().get(3).upperLimit()).isCloseTo(14.171693311223912, CLOSE);
        assertThat(result.points().get(3).specialCause()).isEqualTo(SpecialCause.OUTSIDE_LIMITS);
        assertThat(result.variation()).isEqualTo(Variation.CONCERN_HIGH);
    }

    @Test
    void tChartChartsTheTransformedTimesAndShowsTheLimitsTransformedBack() {
        // t = 30 45 12 60 25 90 40 days between Never Events; y = t^(1/3.6): mean 2.755049208137, MR-bar
        // 0.789593825760, LCL_y 0.654729631614. Back: centre 38.411891795119, UCL 295.392863501973,
        // LCL 0.217682335175.
        SpcResult result = analyser.analyse(series(30, 45, 12, 60, 25, 90, 40), ImprovementDirection.UP, null,
                List.of(), ChartType.T, SpcRuleProfile.MDC);

        assertThat(result.points()).extracting(SpcPoint::value)
                .containsExactly(30.0, 45.0, 12.0, 60.0, 25.0, 90.0, 40.0);
        assertThat(result.phases().get(0).meanMovingRange()).isCloseTo(0.789593825760237, CLOSE);
        assertThat(result.points().get(0).mean()).isCloseTo(38.411891795118570, within(1e-8));
        assertThat(result.points().get(0).upperLimit()).isCloseTo(295.392863501972800, within(1e-7));
        assertThat(result.points().get(0).lowerLimit()).isCloseTo(0.217682335175085, CLOSE);
        assertThat(result.limitsNote()).contains("1/3.6");
        assertThat(result.variation()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void gChartUsesGeometricLimits() {
        // DOMAIN.md's example: 5 12 8 15 3 -> g-bar 8.6, UCL 8.6 + 3 sqrt(8.6 x 9.6) = 35.858760059841, LCL 0.
        SpcResult result = analyser.analyse(series(5, 12, 8, 15, 3), ImprovementDirection.UP, null, List.of(),
                ChartType.G, null);

        assertThat(result.phases().get(0).mean()).isCloseTo(8.6, CLOSE);
        assertThat(result.phases().get(0).upperLimit()).isCloseTo(35.85876005984131, CLOSE);
        assertThat(result.phases().get(0).lowerLimit()).isZero();
        assertThat(result.points()).extracting(SpcPoint::specialCause).containsOnlyNulls();
    }

    @Test
    void refusesProportionsWithoutAPositiveDenominatorOrAboveIt() {
        List<DataPoint> points = List.of(new DataPoint(START, 3, null), new DataPoint(START.plusMonths(1), 2, 0.0),
                new DataPoint(START.plusMonths(2), 7, 5.0), new DataPoint(START.plusMonths(3), -1, 5.0));

        assertThatThrownBy(() -> analyser.analyse(points, ImprovementDirection.DOWN, null, List.of(), ChartType.P,
                null)).asInstanceOf(InstanceOfAssertFactories.type(ValidationException.class))
                .extracting(ValidationException::violations, InstanceOfAssertFactories.list(Violation.class))
                .extracting(Violation::field)
                .containsExactly("points[0].denominator", "points[1].denominator", "points[2].value",
                        "points[3].value");
    }

    @Test
    void refusesANegativeTimeBetweenEvents() {
        assertThatThrownBy(() -> analyser.analyse(series(30, -2), ImprovementDirection.UP, null, List.of(),
                ChartType.T, null)).asInstanceOf(InstanceOfAssertFactories.type(ValidationException.class))
                .extracting(ValidationException::violations, InstanceOfAssertFactories.list(Violation.class))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("points[1].value");
                    assertThat(v.message()).contains("t chart");
                });
    }

    private static List<DataPoint> counts(double[] x, double[] n) {
        return IntStream.range(0, x.length).mapToObj(i -> new DataPoint(START.plusMonths(i), x[i], n[i])).toList();
    }

    private static List<DataPoint> series(double... values) {
        return IntStream.range(0, values.length).mapToObj(i -> new DataPoint(START.plusMonths(i), values[i]))
                .toList();
    }
}
