package uk.nhs.safety.campaign.model.internal.spc;

/**
 * The centre line and process limits of one phase of an XmR chart.
 *
 * @param mean            centre line: the mean of the phase's values
 * @param meanMovingRange mean of the moving ranges |x(i) − x(i−1)| within the phase (without the screened ones);
 *                        0 for a single point
 * @param upper           mean + 2.66 × mean moving range
 * @param lower           mean − 2.66 × mean moving range
 */
record XmrLimits(double mean, double meanMovingRange, double upper, double lower) {

    /** The Making Data Count (Wheeler) constant: 3 / d2 with d2 = 1.128 for moving ranges of two points. */
    static final double LIMIT_FACTOR = 2.66;

    /**
     * NHSRplotthedots' screening constant (D4 for n = 2): a moving range of this many times the mean moving range
     * or more is left out ({@code ptd_spc_standard}: {@code mr < 3.267 * amr} is kept).
     */
    static final double SCREEN_FACTOR = 3.267;

    static XmrLimits of(double[] values) {
        return of(values, false);
    }

    static XmrLimits of(double[] values, boolean screenMovingRanges) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a phase needs at least one value");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double meanMovingRange = meanMovingRange(values, Double.POSITIVE_INFINITY);
        if (screenMovingRanges && values.length > 1) {
            meanMovingRange = meanMovingRange(values, SCREEN_FACTOR * meanMovingRange);
        }
        double width = LIMIT_FACTOR * meanMovingRange;
        return new XmrLimits(mean, meanMovingRange, mean + width, mean - width);
    }

    /**
     * The mean of the moving ranges below {@code below}; 0 when there are none (a single point, or a constant
     * series whose every range of 0 is screened: NHSRplotthedots gives no limits at all there).
     */
    private static double meanMovingRange(double[] values, double below) {
        double rangeSum = 0;
        int kept = 0;
        for (int i = 1; i < values.length; i++) {
            double range = Math.abs(values[i] - values[i - 1]);
            if (range < below) {
                rangeSum += range;
                kept++;
            }
        }
        return kept == 0 ? 0.0 : rangeSum / kept;
    }
}
