package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.time.YearMonth;

/**
 * One valid row of an incident file: how many incidents a member reported in a month, in a category, at a degree
 * of harm.
 *
 * @param line     the file line it came from
 * @param odsCode  the member's ODS code, upper case
 * @param month    the month
 * @param category the catalogue's category key
 * @param harm     the degree of harm
 * @param count    the number of incidents, 0 or more
 */
public record IncidentRow(long line, String odsCode, YearMonth month, String category, Harm harm, long count) {

    /** The natural key: member, month, category and harm. */
    public String key() {
        return odsCode + '|' + month + '|' + category + '|' + harm.name();
    }
}
