package uk.nhs.safety.campaign.api.partner;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * HTTP routes a partner contributes under {@code /api/v1/partners/{partnerId}/…}. Register one as an OSGi service;
 * core routes requests to it while the service is registered and answers 404 once it is gone.
 *
 * <p>Core authenticates the caller and lets through only admins and the partner's own tokens (role {@code partner},
 * caller {@code partner:<id>}); the partner may refuse further. Implementations must be thread-safe. To refuse input,
 * throw {@link uk.nhs.safety.campaign.api.ValidationException} (answered 400 with the violations),
 * {@link uk.nhs.safety.campaign.api.NotFoundException} (404) or
 * {@link uk.nhs.safety.campaign.api.StaleVersionException} (412); any other exception is answered 500 without its
 * details and logged by core.
 */
@ConsumerType
public interface PartnerRoutes {

    /** The partner id these routes belong to; the same as its {@link PartnerIntegration#id()}. */
    String partnerId();

    /** Answers one request. */
    PartnerResponse handle(PartnerRequest request);
}
