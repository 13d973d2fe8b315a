package uk.nhs.safety.campaign.api;

import java.time.LocalDate;

/**
 * One value of a measure.
 *
 * @param period     the start of the period measured (e.g. the first day of the month)
 * @param value      the value
 * @param annotation a note shown on the chart (e.g. "new falls bundle introduced"), or {@code null}
 */
public record Measurement(LocalDate period, double value, String annotation) {
}
