package uk.nhs.safety.partner.support.routes;

import uk.nhs.safety.campaign.api.partner.PartnerProblem;

/** What a partner's routes ask the same way in every partner. Stateless. */
public final class Routes {

    private Routes() {
    }

    /**
     * Refuses a request whose method is not the one the route answers.
     *
     * @throws PartnerProblem 405, naming the method allowed (core adds the {@code Allow} header)
     */
    public static void requireMethod(String method, String allowed, String path) {
        if (!allowed.equals(method)) {
            throw PartnerProblem.methodNotAllowed(method, path, allowed);
        }
    }
}
