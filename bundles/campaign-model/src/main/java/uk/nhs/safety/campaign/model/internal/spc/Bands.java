package uk.nhs.safety.campaign.model.internal.spc;

import java.util.Arrays;

/**
 * The centre line and, point by point, the process limits and the two-sigma lines of one phase, on the scale the
 * rules are evaluated on (the transformed scale for a T chart).
 *
 * @param centre     centre line
 * @param upper      upper process limit per point (after any clipping)
 * @param lower      lower process limit per point (after any clipping)
 * @param nearAbove  two sigma above the centre, per point (2/3 of the way to an unclipped upper limit)
 * @param nearBelow  two sigma below the centre, per point
 */
record Bands(double centre, double[] upper, double[] lower, double[] nearAbove, double[] nearBelow) {

    /** Limits the same for every point, at {@code sigma} either side of the centre, the lower not below a floor. */
    static Bands constant(int points, double centre, double sigma, double lowerFloor) {
        double[] upper = new double[points];
        double[] lower = new double[points];
        double[] nearAbove = new double[points];
        double[] nearBelow = new double[points];
        Arrays.fill(upper, centre + 3 * sigma);
        Arrays.fill(lower, Math.max(lowerFloor, centre - 3 * sigma));
        Arrays.fill(nearAbove, centre + 2 * sigma);
        Arrays.fill(nearBelow, centre - 2 * sigma);
        return new Bands(centre, upper, lower, nearAbove, nearBelow);
    }

    boolean above(int i, double value) {
        return value > upper[i];
    }

    boolean below(int i, double value) {
        return value < lower[i];
    }
}
