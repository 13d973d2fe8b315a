package uk.nhs.safety.partner.cqc.internal.data;

import java.time.LocalDate;
import java.util.List;

/**
 * A CQC provider or location as CQC's public API describes it, with its current ratings.
 *
 * @param cqcId              {@code providerId} of a provider, {@code locationId} of a location ({@code 1-123456789})
 * @param kind               {@code provider} or {@code location}
 * @param providerId         the provider (itself for a provider)
 * @param name               its name
 * @param odsCode            its ODS code as CQC records it (a trust, or a trust site such as {@code RGT01})
 * @param memberOds          the campaign member it belongs to, or empty when none
 * @param registrationStatus {@code Registered} or {@code Deregistered}, or {@code null}
 * @param type               CQC's type, or {@code null}
 * @param region             CQC's region, or {@code null}
 * @param postalCode         postcode, or {@code null}
 * @param overallRating      the current overall rating, or {@code null} when not rated
 * @param overallDate        its report date, or {@code null}
 * @param keyQuestions       the current rating of each key question rated, in CQC's order
 */
public record Registration(String cqcId, String kind, String providerId, String name, String odsCode,
                           String memberOds, String registrationStatus, String type, String region,
                           String postalCode, String overallRating, LocalDate overallDate,
                           List<KeyQuestionRating> keyQuestions) {
    public Registration {
        keyQuestions = List.copyOf(keyQuestions);
    }

    /** The same registration linked to a member (or to none: empty). */
    public Registration linkedTo(String member) {
        return new Registration(cqcId, kind, providerId, name, odsCode, member, registrationStatus, type, region,
                postalCode, overallRating, overallDate, keyQuestions);
    }

    /**
     * One key question's current rating.
     *
     * @param name       {@code Safe}, {@code Effective}, {@code Caring}, {@code Responsive} or {@code Well-led}
     * @param rating     {@code Outstanding}, {@code Good}, {@code Requires improvement}, {@code Inadequate}, or CQC's
     *                   words for no rating
     * @param reportDate the date of the report it comes from, or {@code null}
     */
    public record KeyQuestionRating(String name, String rating, LocalDate reportDate) {
    }
}
