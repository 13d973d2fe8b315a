package uk.nhs.safety.campaign.api.partner;

/**
 * Who core lets through to one of a partner's routes ({@link PartnerRoutes#access}). Core checks it before the
 * partner sees the request: a refused anonymous caller gets 401, a refused known caller 403.
 */
public enum RouteAccess {
    /** Anyone, anonymous callers included (caller {@code anonymous}, no roles): only data meant for the public. */
    PUBLIC,
    /**
     * Any authenticated caller: users of every role and every partner's token. The partner refuses further by asking
     * {@link PartnerRequest#access()}, e.g. {@code mayRead(ods)} so a member editor reads only its own member's data.
     */
    AUTHENTICATED,
    /**
     * Admins and the partner's own callers: its API tokens and users with roles {@code partner} and
     * {@code partner:<id>}. The default.
     */
    PARTNER
}
