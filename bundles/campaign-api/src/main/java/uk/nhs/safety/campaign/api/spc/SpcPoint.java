package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;

/**
 * One point of an XmR chart.
 *
 * @param period      the period
 * @param value       the value
 * @param movingRange |x(i) − x(i−1)| within the phase, {@code null} for a phase's first point
 * @param mean        centre line of the point's phase
 * @param upperLimit  upper process limit of the phase (mean + 2.66 × mean moving range)
 * @param lowerLimit  lower process limit of the phase
 * @param specialCause the highest-precedence rule that flags this point, or {@code null}
 * @param variation   common cause, or improvement/concern/neutral with its side
 * @param phase       0-based phase index (a new phase starts at each re-baseline)
 */
public record SpcPoint(LocalDate period, double value, Double movingRange, double mean, double upperLimit,
                       double lowerLimit, SpecialCause specialCause, Variation variation, int phase) {
}
