package uk.nhs.safety.campaign.api;

/**
 * A filter and page over members. Every filter is optional ({@code null} = any).
 *
 * @param type   only this organisation type
 * @param region only this region (exact, ignoring case)
 * @param status only this status
 * @param text   ODS code prefix or part of the name, ignoring case
 * @param offset items to skip, 0 or more
 * @param limit  most items to return, 1 to 1000
 */
public record MemberQuery(OrganisationType type, String region, MemberStatus status, String text, int offset,
                          int limit) {

    public static final int MAX_LIMIT = 1000;

    public MemberQuery {
        if (offset < 0) {
            throw new ValidationException(Violation.of("offset", offset, "must be 0 or more"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(Violation.of("limit", limit, "must be between 1 and " + MAX_LIMIT));
        }
    }

    /** Every member, first page of the largest size. */
    public static MemberQuery all() {
        return new MemberQuery(null, null, null, null, 0, MAX_LIMIT);
    }
}
