package uk.nhs.safety.campaign.rest.internal.security;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/**
 * Role names of the HTTP API, as given to users in the JAAS realm (etc/users.properties) and to partner tokens: the
 * names of {@link CallerAccess}, which decides what each may do.
 *
 * <ul>
 *   <li>{@code admin}: everything;</li>
 *   <li>{@code operator}: members, imports, partners;</li>
 *   <li>{@code member-editor} with one or more {@code member:<ODS>} roles: that member's actions, plan and
 *       measurements only;</li>
 *   <li>{@code partner} with {@code partner:<id>} (given to API tokens): only that partner's routes;</li>
 *   <li>no credentials: anonymous, published pledges, plans and progress only.</li>
 * </ul>
 */
public final class Roles {
    public static final String ADMIN = CallerAccess.ADMIN;
    public static final String OPERATOR = CallerAccess.OPERATOR;
    public static final String MEMBER_EDITOR = CallerAccess.MEMBER_EDITOR;
    public static final String MEMBER_PREFIX = CallerAccess.MEMBER_PREFIX;
    public static final String PARTNER = CallerAccess.PARTNER;
    public static final String PARTNER_PREFIX = CallerAccess.PARTNER_PREFIX;

    private Roles() {
    }
}
