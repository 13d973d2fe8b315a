package uk.nhs.safety.campaign.api.partner;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * HTTP routes a partner contributes under {@code /api/v1/partners/{partnerId}/…}. Register one as an OSGi service;
 * core routes requests to it while the service is registered and answers 404 once it is gone.
 *
 * <p>Core authenticates the caller and, by default, lets through only admins and the partner's own callers (role
 * {@code partner} with {@code partner:<id>}: its API tokens, or users given those roles). A partner opens chosen
 * paths wider with {@link #access}; it may always refuse further. Implementations must be thread-safe. To refuse
 * input,
 * throw {@link uk.nhs.safety.campaign.api.ValidationException} (answered 400 with the violations),
 * {@link uk.nhs.safety.campaign.api.NotFoundException} (404) or
 * {@link uk.nhs.safety.campaign.api.StaleVersionException} (412), or {@link PartnerProblem} (its own status, e.g. 403
 * or 405); core answers each as an RFC 9457 problem. Any other exception is answered 500 without its details and
 * logged by core: a route never lets bad input reach one. Decide who may read or change a member's data with
 * {@link PartnerRequest#access()}, the rule core applies to its own routes.
 */
@ConsumerType
public interface PartnerRoutes {

    /** The partner id these routes belong to; the same as its {@link PartnerIntegration#id()}. */
    String partnerId();

    /**
     * Who may call {@code method} {@code path} (the path below {@code /api/v1/partners/{id}}, starting with
     * {@code /}). Asked on every request, so it must be quick and must not throw. The default keeps every route to
     * admins and the partner's own callers.
     */
    default RouteAccess access(String method, String path) {
        return RouteAccess.PARTNER;
    }

    /** Answers one request. */
    PartnerResponse handle(PartnerRequest request);
}
