package uk.nhs.safety.partner.support.routes;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;

/** What a partner's routes ask the same way in every partner. Stateless. */
public final class Routes {

    /** The source an import through a partner's route reports. */
    public static final String UPLOAD = "HTTP upload";

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

    /** The path without a trailing slash ({@code /national/} is {@code /national}; {@code /} stays). */
    public static String route(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * The import a route's request body asks for, by its caller: all or nothing unless {@code ?partial=true}, and
     * without a rejects file (the report lists the problems).
     *
     * @throws ValidationException when {@code partial} is neither {@code true} nor {@code false} (any case)
     */
    public static ImportRequest importRequest(PartnerRequest request) {
        String partial = request.param("partial");
        if (partial != null && !partial.equalsIgnoreCase("true") && !partial.equalsIgnoreCase("false")) {
            throw new ValidationException(Violation.of("partial", partial, "true or false"));
        }
        return new ImportRequest(UPLOAD, new ByteArrayInputStream(request.body()),
                partial != null && partial.toLowerCase(Locale.ROOT).equals("true"), null, request.caller());
    }
}
