package uk.nhs.safety.campaign.api.partner;

import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/**
 * An HTTP request to a partner's routes, as core hands it over after authenticating and authorising the caller.
 *
 * @param method      HTTP method, upper case
 * @param path        the path below {@code /api/v1/partners/{id}}, starting with {@code /} ({@code /} for the root)
 * @param query       query parameters, each with its values in order
 * @param contentType the request's media type, or {@code null} when it has no body
 * @param body        the request body (empty when none); core has already refused bodies over its size limit
 * @param caller      the authenticated caller's name (a user, {@code partner:<id>} for a partner token, or
 *                    {@code anonymous} on a {@link RouteAccess#PUBLIC} route)
 * @param roles       the caller's roles: {@code admin}, {@code operator}, {@code partner} with {@code partner:<id>},
 *                    {@code member-editor} with {@code member:<ODS>} for each member it edits; empty when anonymous.
 *                    Decide with {@link #access()}, never by reading roles by hand.
 */
public record PartnerRequest(String method, String path, Map<String, List<String>> query, String contentType,
                             byte[] body, String caller, Set<String> roles) {
    public PartnerRequest {
        query = Map.copyOf(query);
        roles = Set.copyOf(roles);
        body = body == null ? new byte[0] : body;
    }

    /**
     * What the caller may do, by the platform's one access rule (the one core applies to its own routes): ask it
     * {@link CallerAccess#mayRead}, {@link CallerAccess#mayEdit} or {@link CallerAccess#actsFor}.
     */
    public CallerAccess access() {
        return new CallerAccess(caller, roles);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
