package uk.nhs.safety.partner.nhsla.internal.profile;

/**
 * Claims of one specialty, cause and scheme: the finest grain the profile query returns, from which every view
 * (by specialty, cause, scheme, and the linkage) is summed in memory. A member has a few hundred at most.
 *
 * @param specialty  the specialty
 * @param cause      the cause
 * @param scheme     the scheme
 * @param claims     number of claims
 * @param valuePence their value in pence
 */
public record Group(String specialty, String cause, String scheme, long claims, long valuePence) {
}
