package uk.nhs.safety.campaign.rest.internal.security;

import java.util.Optional;
import java.util.Set;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/**
 * Who is calling, as authentication found: a user of the JAAS realm, a partner token, or nobody (anonymous). What
 * the caller may do is decided by the platform's one rule, {@link CallerAccess}, which partner routes get too.
 *
 * @param name  the user name, {@code partner:<id>} for a token, or {@code anonymous}
 * @param roles the roles (see {@link Roles}); empty for anonymous
 */
public record Caller(String name, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The platform's access rule applied to this caller. */
    public CallerAccess access() {
        return new CallerAccess(name, roles);
    }

    public boolean anonymous() {
        return access().anonymous();
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean admin() {
        return access().admin();
    }

    /** Admins and operators manage members, imports and partners. */
    public boolean operator() {
        return access().operator();
    }

    /** The ODS codes a member editor is bound to. */
    public Set<String> memberCodes() {
        return access().memberCodes();
    }

    /** Whether the caller may change this member's actions, plan and measurements (and read its drafts). */
    public boolean mayEdit(String odsCode) {
        return access().mayEdit(odsCode);
    }

    /** Whether the caller may read this member's non-public data (its audit trail). */
    public boolean mayRead(String odsCode) {
        return access().mayRead(odsCode);
    }

    /** The partner a token caller acts for. */
    public Optional<String> partnerId() {
        return access().partnerId();
    }

    /** Whether the caller may use this partner's own routes (admins and the partner's own callers). */
    public boolean actsFor(String partnerId) {
        return access().actsFor(partnerId);
    }
}
