package uk.nhs.safety.campaign.api;

import java.time.LocalDate;

/**
 * A member organisation of the campaign.
 *
 * @param odsCode    ODS code, upper case; the member's identity
 * @param name       organisation name as registered with ODS
 * @param type       kind of organisation
 * @param region     region name (e.g. "London"), or {@code null} when unknown
 * @param postcode   postcode, or {@code null}
 * @param joined     the date the organisation signed up to the campaign
 * @param status     active or withdrawn
 * @param openDate   ODS open date, or {@code null}
 * @param closeDate  ODS close date; non-null means the organisation has closed (it stays a member record)
 * @param demo       true for demonstration data seeded by the platform, never real campaign data
 * @param version    optimistic-locking version; pass it back on update
 */
public record Member(String odsCode, String name, OrganisationType type, String region, String postcode,
                     LocalDate joined, MemberStatus status, LocalDate openDate, LocalDate closeDate, boolean demo,
                     long version) {

    /** Whether ODS records the organisation as closed. */
    public boolean closed() {
        return closeDate != null;
    }
}
