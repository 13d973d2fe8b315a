package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;

/**
 * One point of a chart.
 *
 * @param period      the period
 * @param value       the value charted: as recorded for XmR, T and G charts, the count over its denominator for
 *                    p and u charts
 * @param movingRange |x(i) − x(i−1)| within the phase, {@code null} for a phase's first point (XmR and T charts
 *                    only; T charts give it on the transformed scale)
 * @param mean        centre line of the point's phase
 * @param upperLimit  upper process limit at this point (mean + 2.66 × mean moving range on an XmR chart; varies by
 *                    point on p and u charts)
 * @param lowerLimit  lower process limit at this point
 * @param specialCause the rule that gives this point its variation, or {@code null}
 * @param variation   common cause, or improvement/concern/neutral with its side
 * @param phase       0-based phase index (a new phase starts at each re-baseline)
 * @param denominator the point's denominator (p and u charts), else {@code null} (since 1.1)
 */
public record SpcPoint(LocalDate period, double value, Double movingRange, double mean, double upperLimit,
                       double lowerLimit, SpecialCause specialCause, Variation variation, int phase,
                       Double denominator) {

    /** A point without a denominator. */
    public SpcPoint(LocalDate period, double value, Double movingRange, double mean, double upperLimit,
                    double lowerLimit, SpecialCause specialCause, Variation variation, int phase) {
        this(period, value, movingRange, mean, upperLimit, lowerLimit, specialCause, variation, phase, null);
    }
}
