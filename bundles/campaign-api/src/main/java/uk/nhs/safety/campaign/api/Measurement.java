package uk.nhs.safety.campaign.api;

import java.time.LocalDate;

/**
 * One value of a measure.
 *
 * @param period      the start of the period measured (e.g. the first day of the month)
 * @param value       the value (for a p or u chart: the count of cases or events)
 * @param annotation  a note shown on the chart (e.g. "new falls bundle introduced"), or {@code null}
 * @param denominator what the count is out of (patients, admissions, bed days), or {@code null} (since 1.2)
 */
public record Measurement(LocalDate period, double value, String annotation, Double denominator) {

    /** A value without a denominator. */
    public Measurement(LocalDate period, double value, String annotation) {
        this(period, value, annotation, null);
    }
}
