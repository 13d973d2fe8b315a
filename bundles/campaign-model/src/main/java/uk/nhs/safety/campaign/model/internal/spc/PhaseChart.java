package uk.nhs.safety.campaign.model.internal.spc;

import java.util.List;

import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;

/**
 * The limits of one phase of a chart of any type: what is charted, the bands the rules are evaluated against
 * (on the rule scale), and the centre line and limits shown to readers (on the scale of the values).
 *
 * @param charted         the values shown, per point (counts over denominators for p and u charts)
 * @param ruleValues      the values the rules see (the transformed values for a T chart, else {@code charted})
 * @param bands           centre, limits and two-sigma lines on the rule scale
 * @param movingRanges    moving ranges on the rule scale (XmR and T), else all {@code null}
 * @param meanMovingRange the phase's mean moving range on the rule scale (0 where not used)
 * @param mean            centre line shown
 * @param upper           upper limit shown, per point
 * @param lower           lower limit shown, per point
 * @param phaseUpper      upper limit of the phase (p and u: at the phase's mean denominator)
 * @param phaseLower      lower limit of the phase
 */
record PhaseChart(double[] charted, double[] ruleValues, Bands bands, Double[] movingRanges, double meanMovingRange,
                  double mean, double[] upper, double[] lower, double phaseUpper, double phaseLower) {

    /** The T chart's transform, as in Making Data Count's tools: y = t^(1/3.6). */
    static final double T_POWER = 3.6;

    static PhaseChart of(ChartType type, List<DataPoint> points, SpcRuleProfile profile) {
        return switch (type) {
            case XMR -> xmr(values(points), profile);
            case T -> t(values(points), profile);
            case G -> g(values(points));
            case P -> proportion(points, true);
            case U -> proportion(points, false);
        };
    }

    private static double[] values(List<DataPoint> points) {
        return points.stream().mapToDouble(DataPoint::value).toArray();
    }

    private static PhaseChart xmr(double[] x, SpcRuleProfile profile) {
        XmrLimits limits = XmrLimits.of(x, profile.screenMovingRanges());
        Bands bands = xmrBands(x.length, limits);
        return new PhaseChart(x, x, bands, movingRanges(x), limits.meanMovingRange(), limits.mean(), bands.upper(),
                bands.lower(), limits.upper(), limits.lower());
    }

    private static Bands xmrBands(int n, XmrLimits limits) {
        double[] upper = filled(n, limits.upper());
        double[] lower = filled(n, limits.lower());
        double[] nearAbove = filled(n, limits.mean() + 2.0 * (limits.upper() - limits.mean()) / 3.0);
        double[] nearBelow = filled(n, limits.mean() - 2.0 * (limits.mean() - limits.lower()) / 3.0);
        return new Bands(limits.mean(), upper, lower, nearAbove, nearBelow);
    }

    /**
     * XmR on y = t^(1/3.6); the centre line and limits are transformed back with ^3.6, the lower limit from a
     * transformed lower limit clipped at 0 (MDC's SQL tool from v2.3, PowerBI-SPC).
     */
    private static PhaseChart t(double[] t, SpcRuleProfile profile) {
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = Math.pow(t[i], 1 / T_POWER);
        }
        XmrLimits limits = XmrLimits.of(y, profile.screenMovingRanges());
        Bands bands = xmrBands(y.length, limits);
        double mean = Math.pow(limits.mean(), T_POWER);
        double upper = Math.pow(limits.upper(), T_POWER);
        double lower = Math.pow(Math.max(0, limits.lower()), T_POWER);
        return new PhaseChart(t, y, bands, movingRanges(y), limits.meanMovingRange(), mean, filled(t.length, upper),
                filled(t.length, lower), upper, lower);
    }

    /** Geometric: ḡ the mean, σ = √(ḡ(ḡ+1)), upper ḡ + 3σ, lower max(0, ḡ − 3σ), which is always 0. */
    private static PhaseChart g(double[] g) {
        double mean = mean(g);
        double sigma = Math.sqrt(mean * (mean + 1));
        Bands bands = Bands.constant(g.length, mean, sigma, 0);
        return new PhaseChart(g, g, bands, new Double[g.length], 0, mean, bands.upper(), bands.lower(),
                bands.upper()[0], bands.lower()[0]);
    }

    /**
     * p: p̄ = Σx/Σn, σᵢ = √(p̄(1−p̄)/nᵢ), limits clipped to [0, 1]. u: ū = Σx/Σn, σᵢ = √(ū/nᵢ), lower clipped
     * at 0. The phase's own limits are those of its mean denominator.
     */
    private static PhaseChart proportion(List<DataPoint> points, boolean p) {
        int n = points.size();
        double cases = 0;
        double exposure = 0;
        for (DataPoint point : points) {
            cases += point.value();
            exposure += point.denominator();
        }
        double centre = cases / exposure;
        double[] charted = new double[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[] nearAbove = new double[n];
        double[] nearBelow = new double[n];
        for (int i = 0; i < n; i++) {
            DataPoint point = points.get(i);
            charted[i] = point.value() / point.denominator();
            double sigma = sigma(centre, point.denominator(), p);
            upper[i] = p ? Math.min(1, centre + 3 * sigma) : centre + 3 * sigma;
            lower[i] = Math.max(0, centre - 3 * sigma);
            nearAbove[i] = centre + 2 * sigma;
            nearBelow[i] = centre - 2 * sigma;
        }
        double meanSigma = sigma(centre, exposure / n, p);
        double phaseUpper = p ? Math.min(1, centre + 3 * meanSigma) : centre + 3 * meanSigma;
        double phaseLower = Math.max(0, centre - 3 * meanSigma);
        return new PhaseChart(charted, charted, new Bands(centre, upper, lower, nearAbove, nearBelow), new Double[n],
                0, centre, upper, lower, phaseUpper, phaseLower);
    }

    private static double sigma(double centre, double denominator, boolean p) {
        return Math.sqrt((p ? centre * (1 - centre) : centre) / denominator);
    }

    private static Double[] movingRanges(double[] v) {
        Double[] ranges = new Double[v.length];
        for (int i = 1; i < v.length; i++) {
            ranges[i] = Math.abs(v[i] - v[i - 1]);
        }
        return ranges;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** A short explanation of the limits for readers of the chart. */
    static String note(ChartType type, SpcRuleProfile profile) {
        String screened = profile.screenMovingRanges()
                ? " Moving ranges of 3.267 × their mean or more are left out of the limits." : "";
        return switch (type) {
            case XMR -> "Process limits are the mean ± 2.66 × the mean moving range of each phase." + screened;
            case P -> "The limits move from point to point because each period has its own denominator: a proportion"
                    + " of fewer cases varies more by chance alone, so its limits are wider (p̄ ± 3·√(p̄(1−p̄)/n),"
                    + " kept between 0 and 1).";
            case U -> "The limits move from point to point because each period has its own denominator: a rate over"
                    + " a smaller denominator varies more by chance alone, so its limits are wider (ū ± 3·√(ū/n),"
                    + " not below 0).";
            case T -> "Times between events are skewed, so they are charted as t^(1/3.6), with XmR limits (mean ±"
                    + " 2.66 × mean moving range), then shown transformed back (^3.6): the limits are not symmetric"
                    + " about the centre line and the lower limit is not below 0." + screened;
            case G -> "Gaps between events follow a geometric distribution: centre line the mean gap ḡ, upper limit"
                    + " ḡ + 3·√(ḡ(ḡ+1)), lower limit 0.";
        };
    }
}
