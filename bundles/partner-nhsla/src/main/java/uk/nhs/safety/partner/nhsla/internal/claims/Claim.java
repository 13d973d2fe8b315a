package uk.nhs.safety.partner.nhsla.internal.claims;

import java.time.LocalDate;

/**
 * One validated claim row. Money in pence.
 *
 * @param line             the 1-based line of the file it came from
 * @param reference        the claim reference (natural key)
 * @param odsCode          the member's ODS code, upper case
 * @param scheme           the indemnity scheme, upper case (CNST, ELS, …)
 * @param specialty        the specialty as coded
 * @param cause            the cause as coded
 * @param injury           the injury as coded (may be empty)
 * @param incidentDate     when the incident happened
 * @param notificationDate when the claim was notified
 * @param status           open, closed without damages, settled
 * @param damagesPence     damages paid
 * @param defencePence     defence costs
 * @param claimantPence    claimant costs
 */
public record Claim(long line, String reference, String odsCode, String scheme, String specialty, String cause,
                    String injury, LocalDate incidentDate, LocalDate notificationDate, ClaimStatus status,
                    long damagesPence, long defencePence, long claimantPence) {

    /** The NHS financial year of notification: 2014 for 1 April 2014 to 31 March 2015. */
    public int notificationYear() {
        return financialYear(notificationDate);
    }

    /** Total paid: damages and both sides' costs. */
    public long valuePence() {
        return damagesPence + defencePence + claimantPence;
    }

    /** The NHS financial year a date falls in (it starts on 1 April). */
    public static int financialYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }
}
