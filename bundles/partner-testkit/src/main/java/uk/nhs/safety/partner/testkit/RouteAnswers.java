package uk.nhs.safety.partner.testkit;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;

/** A partner route's answer as a test sees it from outside, whether the route returned or refused. */
public final class RouteAnswers {

    private RouteAnswers() {
    }

    /**
     * The route's response, or what core answers for its {@link PartnerProblem}: a problem response of its status,
     * its headers, and (for the test to read) its message as the body.
     */
    public static PartnerResponse answered(Supplier<PartnerResponse> call) {
        try {
            return call.get();
        } catch (PartnerProblem p) {
            return new PartnerResponse(p.status(), "application/problem+json",
                    p.getMessage().getBytes(StandardCharsets.UTF_8), p.headers());
        }
    }
}
