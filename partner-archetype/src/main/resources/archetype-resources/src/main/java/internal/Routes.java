package ${package}.internal;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OdsCodes;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;

/**
 * This partner's HTTP routes under {@code /api/v1/partners/${partnerId}}:
 * {@code GET /status} (public, cached for a minute: how many publications are recorded) and
 * {@code GET /publications/{ods}} (admins and this partner's own API tokens: a member's published plan versions,
 * newest first). The platform authenticates the caller, asks {@link #access} who may call, and renders every refusal
 * thrown here (NotFoundException, ValidationException, PartnerProblem) as an RFC 9457 problem. Stateless.
 */
@Component(service = PartnerRoutes.class)
public final class Routes implements PartnerRoutes {

    private static final String PUBLICATIONS = "/publications/";
    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,8}");

    private final Publications publications;

    @Activate
    public Routes(@Reference Publications publications) {
        this.publications = publications;
    }

    @Override
    public String partnerId() {
        return Integration.ID;
    }

    @Override
    public RouteAccess access(String method, String path) {
        return path.equals("/status") ? RouteAccess.PUBLIC : RouteAccess.PARTNER;
    }

    @Override
    public PartnerResponse handle(PartnerRequest request) {
        String path = request.path();
        if (path.equals("/status")) {
            requireGet(request);
            return PartnerResponse.json(200, "{\"partner\":\"" + Integration.ID + "\",\"publications\":"
                    + publications.count() + "}").cacheFor(Duration.ofMinutes(1));
        }
        if (path.startsWith(PUBLICATIONS) && path.length() > PUBLICATIONS.length()) {
            requireGet(request);
            String ods = odsCode(path.substring(PUBLICATIONS.length()));
            List<Publications.Publication> found = publications.of(ods, 100);
            return PartnerResponse.json(200, found.stream()
                    .map(p -> "{\"sequence\":" + p.sequence() + ",\"planVersion\":" + p.planVersion()
                            + ",\"publishedAt\":\"" + p.publishedAt().toInstant() + "\"}")
                    .collect(Collectors.joining(",", "{\"odsCode\":\"" + ods + "\",\"publications\":[", "]}")));
        }
        throw new NotFoundException("no route " + path + " in partner " + Integration.ID
                + "; try /status or /publications/{ods}");
    }

    /** The ODS code normalised as the platform does, or a 400 naming it when it cannot be one. */
    public static String odsCode(String text) {
        String ods = OdsCodes.normalise(text);
        if (!ODS.matcher(ods).matches()) {
            throw new ValidationException(Violation.of("ods", text, "an ODS code: 3 to 8 letters and digits"));
        }
        return ods;
    }

    private static void requireGet(PartnerRequest request) {
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            throw PartnerProblem.methodNotAllowed(request.method(), request.path(), "GET");
        }
    }
}
