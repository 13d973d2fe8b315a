package uk.nhs.safety.campaign.rest.internal.security;

/**
 * Role names of the HTTP API, as given to users in the JAAS realm (etc/users.properties) and to partner tokens.
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
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String MEMBER_EDITOR = "member-editor";
    public static final String MEMBER_PREFIX = "member:";
    public static final String PARTNER = "partner";
    public static final String PARTNER_PREFIX = "partner:";

    private Roles() {
    }
}
