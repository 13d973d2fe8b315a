package uk.nhs.safety.campaign.rest.internal.api;

import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * One resource of {@code /api/v1} (members, actions, plans, ...): it adds its routes, each with its {@link Access}
 * rule, to the API's one router, and its handlers map HTTP to the core services and back. What a caller may see and
 * every rule of the campaign are core's; a resource only reads the request, asks core and shapes the answer.
 */
interface Resource {

    /** Adds this resource's routes. */
    void addRoutes(Router.Builder<Endpoint> routes);
}
