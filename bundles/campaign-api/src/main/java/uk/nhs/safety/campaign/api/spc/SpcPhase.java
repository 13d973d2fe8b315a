package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;

/**
 * A stretch of the chart with its own limits: the whole series, or the part from one re-baseline to the next.
 *
 * @param from              first period of the phase
 * @param points            number of points in the phase
 * @param mean              centre line
 * @param meanMovingRange   mean of the phase's moving ranges (after screening, if the profile screens; on the
 *                          transformed scale for a T chart; 0 for p, u and G charts)
 * @param upperLimit        upper process limit (XmR: mean + 2.66 × mean moving range; p and u: at the phase's
 *                          mean denominator, each point has its own)
 * @param lowerLimit        lower process limit (as the upper)
 * @param provisional       true when the phase has fewer points than the rule profile's minimum for firm limits
 */
public record SpcPhase(LocalDate from, int points, double mean, double meanMovingRange, double upperLimit,
                       double lowerLimit, boolean provisional) {
}
