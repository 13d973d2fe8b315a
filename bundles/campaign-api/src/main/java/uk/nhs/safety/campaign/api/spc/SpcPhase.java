package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;

/**
 * A stretch of the chart with its own limits: the whole series, or the part from one re-baseline to the next.
 *
 * @param from              first period of the phase
 * @param points            number of points in the phase
 * @param mean              centre line
 * @param meanMovingRange   mean of the phase's moving ranges
 * @param upperLimit        mean + 2.66 × mean moving range
 * @param lowerLimit        mean − 2.66 × mean moving range
 * @param provisional       true when the phase has too few points (under 13) for the limits to be relied on
 */
public record SpcPhase(LocalDate from, int points, double mean, double meanMovingRange, double upperLimit,
                       double lowerLimit, boolean provisional) {
}
