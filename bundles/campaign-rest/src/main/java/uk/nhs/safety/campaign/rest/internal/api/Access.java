package uk.nhs.safety.campaign.rest.internal.api;

import java.util.Map;

import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * Who may call a route. Member-scoped rules read the {@code ods} path parameter, partner routes the {@code id}
 * parameter. A refused anonymous caller is asked to authenticate (401); a refused known caller is forbidden (403).
 */
public enum Access {
    /** Anyone, anonymous included (published data only; handlers hide drafts from those who may not edit). */
    ANYONE,
    /** Admins only. */
    ADMIN,
    /** Admins and operators: members, imports, the partner registry. */
    OPERATOR,
    /** Admins and member editors of the path's member. */
    EDITOR,
    /** Admins, operators and member editors of the path's member: the audit trail. */
    AUDITOR,
    /** Any authenticated caller (the handler refuses further by roles): partner routes that ask for it. */
    AUTHENTICATED,
    /** Admins and the partner's own callers (a token, or a user with roles {@code partner} and {@code partner:<id>}). */
    PARTNER;

    /** The outcome of checking a caller against a rule. */
    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    public Decision check(Caller caller, Map<String, String> params) {
        if (allows(caller, params)) {
            return Decision.ALLOW;
        }
        return caller.anonymous() ? Decision.UNAUTHENTICATED : Decision.FORBIDDEN;
    }

    private boolean allows(Caller caller, Map<String, String> params) {
        return switch (this) {
            case ANYONE -> true;
            case AUTHENTICATED -> !caller.anonymous();
            case ADMIN -> caller.admin();
            case OPERATOR -> caller.operator();
            case EDITOR -> caller.mayEdit(params.getOrDefault("ods", ""));
            case AUDITOR -> caller.mayRead(params.getOrDefault("ods", ""));
            case PARTNER -> caller.actsFor(params.get("id"));
        };
    }
}
