package uk.nhs.safety.campaign.model.internal.spc;

/**
 * The centre line and process limits of one phase of an XmR chart.
 *
 * @param mean            centre line: the mean of the phase's values
 * @param meanMovingRange mean of the moving ranges |x(i) − x(i−1)| within the phase; 0 for a single point
 * @param upper           mean + 2.66 × mean moving range
 * @param lower           mean − 2.66 × mean moving range
 */
record XmrLimits(double mean, double meanMovingRange, double upper, double lower) {

    /** The Making Data Count (Wheeler) constant: 3 / d2 with d2 = 1.128 for moving ranges of two points. */
    static final double LIMIT_FACTOR = 2.66;

    static XmrLimits of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a phase needs at least one value");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double rangeSum = 0;
        for (int i = 1; i < values.length; i++) {
            rangeSum += Math.abs(values[i] - values[i - 1]);
        }
        // A one-point phase has no moving range at all; its limits collapse onto the mean.
        double meanMovingRange = values.length > 1 ? rangeSum / (values.length - 1) : 0.0;
        double width = LIMIT_FACTOR * meanMovingRange;
        return new XmrLimits(mean, meanMovingRange, mean + width, mean - width);
    }

    /** Strictly beyond two thirds of the way from the mean to the upper limit, but not above it. */
    boolean closeAbove(double value) {
        return value > mean + 2.0 * (upper - mean) / 3.0 && value <= upper;
    }

    /** Strictly beyond two thirds of the way from the mean to the lower limit, but not below it. */
    boolean closeBelow(double value) {
        return value < mean - 2.0 * (mean - lower) / 3.0 && value >= lower;
    }
}
