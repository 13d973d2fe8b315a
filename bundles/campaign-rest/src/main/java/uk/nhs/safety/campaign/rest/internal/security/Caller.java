package uk.nhs.safety.campaign.rest.internal.security;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as authentication found: a user of the JAAS realm, a partner token, or nobody (anonymous).
 *
 * @param name  the user name, {@code partner:<id>} for a token, or {@code anonymous}
 * @param roles the roles (see {@link Roles}); empty for anonymous
 */
public record Caller(String name, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean anonymous() {
        return roles.isEmpty() && "anonymous".equals(name);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean admin() {
        return has(Roles.ADMIN);
    }

    /** Admins and operators manage members, imports and partners. */
    public boolean operator() {
        return admin() || has(Roles.OPERATOR);
    }

    /** The ODS codes a member editor is bound to. */
    public Set<String> memberCodes() {
        Set<String> codes = new TreeSet<>();
        if (has(Roles.MEMBER_EDITOR)) {
            for (String role : roles) {
                if (role.startsWith(Roles.MEMBER_PREFIX)) {
                    codes.add(role.substring(Roles.MEMBER_PREFIX.length()).toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return codes;
    }

    /** Whether the caller may change this member's actions, plan and measurements (and read its drafts). */
    public boolean mayEdit(String odsCode) {
        return admin() || memberCodes().contains(odsCode.toUpperCase(java.util.Locale.ROOT));
    }

    /** The partner a token caller acts for. */
    public Optional<String> partnerId() {
        if (!has(Roles.PARTNER)) {
            return Optional.empty();
        }
        return roles.stream().filter(r -> r.startsWith(Roles.PARTNER_PREFIX))
                .map(r -> r.substring(Roles.PARTNER_PREFIX.length())).findFirst();
    }
}
