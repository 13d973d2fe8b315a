package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.time.YearMonth;

/**
 * Incidents of one month (one member's, or national), by degree of harm.
 *
 * @param month    the month
 * @param total    every incident reported
 * @param moderate incidents of moderate harm
 * @param severe   incidents of severe harm
 * @param death    incidents reported as death
 */
public record MonthCounts(YearMonth month, long total, long moderate, long severe, long death) {

    /** Moderate harm or worse: the campaign's avoidable-harm measure. */
    public long moderateOrWorse() {
        return moderate + severe + death;
    }
}
