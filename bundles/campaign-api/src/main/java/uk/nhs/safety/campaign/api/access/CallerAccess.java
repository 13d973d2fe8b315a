package uk.nhs.safety.campaign.api.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling and what the platform lets them do: the one access rule of the platform. Core's own HTTP routes
 * decide with it, and it reaches partner routes as {@link uk.nhs.safety.campaign.api.partner.PartnerRequest#access()},
 * so a partner asks the same questions ({@link #mayRead}, {@link #mayEdit}, {@link #actsFor}) instead of reading
 * roles by hand.
 *
 * <p>The roles, as given to users of the JAAS realm and to partner tokens:
 * <ul>
 *   <li>{@value #ADMIN}: everything;</li>
 *   <li>{@value #OPERATOR}: members, imports, partners; reads every member's non-public data;</li>
 *   <li>{@value #MEMBER_EDITOR} together with one or more {@code member:<ODS>}: that member's data only. A
 *       {@code member:<ODS>} role without {@value #MEMBER_EDITOR} grants nothing;</li>
 *   <li>{@value #PARTNER} together with {@code partner:<id>}: that partner's routes only;</li>
 *   <li>no roles: anonymous, published data only.</li>
 * </ul>
 *
 * @param name  the user name, {@code partner:<id>} for a partner token, or {@code anonymous}
 * @param roles the caller's roles; empty for anonymous
 */
public record CallerAccess(String name, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String MEMBER_EDITOR = "member-editor";
    public static final String MEMBER_PREFIX = "member:";
    public static final String PARTNER = "partner";
    public static final String PARTNER_PREFIX = "partner:";

    /** The caller without credentials. */
    public static final CallerAccess ANONYMOUS = new CallerAccess("anonymous", Set.of());

    public CallerAccess {
        name = name == null ? "anonymous" : name;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether nobody authenticated. */
    public boolean anonymous() {
        return roles.isEmpty() && "anonymous".equals(name);
    }

    /** Whether the caller holds this role. */
    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Admins may do everything. */
    public boolean admin() {
        return has(ADMIN);
    }

    /** Admins and operators manage members, imports and partners. */
    public boolean operator() {
        return admin() || has(OPERATOR);
    }

    /** The ODS codes (upper case) a member editor is bound to; empty unless the caller has {@value #MEMBER_EDITOR}. */
    public Set<String> memberCodes() {
        Set<String> codes = new TreeSet<>();
        if (has(MEMBER_EDITOR)) {
            for (String role : roles) {
                if (role.startsWith(MEMBER_PREFIX)) {
                    codes.add(role.substring(MEMBER_PREFIX.length()).toUpperCase(Locale.ROOT));
                }
            }
        }
        return codes;
    }

    /**
     * Whether the caller may change this member's data (actions, plan, measurements, and a partner's data about the
     * member) and read its drafts: admins and the member's own editors.
     */
    public boolean mayEdit(String odsCode) {
        return admin() || odsCode != null && memberCodes().contains(odsCode.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the caller may read this member's non-public data (its audit trail, a partner's data about it):
     * admins, operators and the member's own editors.
     */
    public boolean mayRead(String odsCode) {
        return operator() || mayEdit(odsCode);
    }

    /** The partner a token (or a user with roles {@value #PARTNER} and {@code partner:<id>}) acts for. */
    public Optional<String> partnerId() {
        if (!has(PARTNER)) {
            return Optional.empty();
        }
        return roles.stream().filter(r -> r.startsWith(PARTNER_PREFIX)).sorted()
                .map(r -> r.substring(PARTNER_PREFIX.length())).findFirst();
    }

    /** Whether the caller may use this partner's own routes: admins and that partner's own callers. */
    public boolean actsFor(String partnerId) {
        return admin() || has(PARTNER) && partnerId != null && has(PARTNER_PREFIX + partnerId);
    }
}
