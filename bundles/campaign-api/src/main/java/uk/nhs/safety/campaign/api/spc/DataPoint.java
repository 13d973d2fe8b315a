package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;

/**
 * One value in time order, input to the analysis.
 *
 * @param period      the period
 * @param value       the value; for p and u charts the count of cases or events in the period
 * @param denominator the period's denominator (patients, admissions, bed days) for p and u charts, else
 *                    {@code null} (since 1.1)
 */
public record DataPoint(LocalDate period, double value, Double denominator) {

    /** A value without a denominator. */
    public DataPoint(LocalDate period, double value) {
        this(period, value, null);
    }
}
