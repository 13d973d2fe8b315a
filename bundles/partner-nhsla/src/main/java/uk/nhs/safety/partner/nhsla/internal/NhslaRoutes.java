package uk.nhs.safety.partner.nhsla.internal;

import static uk.nhs.safety.partner.support.routes.Routes.importRequest;
import static uk.nhs.safety.partner.support.routes.Routes.requireMethod;
import static uk.nhs.safety.partner.support.routes.Routes.route;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.partner.nhsla.internal.incentive.Bid;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * The NHS LA partner's routes under {@code /api/v1/partners/nhsla}. Everything is for the NHS LA role (its tokens,
 * users with {@code partner,partner:nhsla}) and admins, except {@code GET /members/{ods}/summary}: any authenticated
 * caller gets through core, and this handler then answers whoever core's rule lets read the member's data
 * ({@link PartnerRequest#access()}: admins, operators, the member's own editors) and the NHS LA's own callers.
 * Nothing here is public. Routes:
 * <ul>
 *   <li>{@code POST /claims[?partial=true]} (text/csv): import; the report as JSON</li>
 *   <li>{@code GET /profile[?from=&to=]}, {@code GET /profile/{ods}[?from=&to=]}: claims profiles</li>
 *   <li>{@code GET /linkage[?from=&to=]}, {@code GET /linkage/{ods}}: linkage to the published plan</li>
 *   <li>{@code POST /bids} (JSON {@code {ods, schemeYear, contribution, asked, areas}}): assess a bid</li>
 *   <li>{@code GET /bids?year=}, {@code GET /allocation?year=}: assessments and the ranked allocation</li>
 *   <li>{@code GET /members/{ods}/summary}: the member's own claims profile</li>
 * </ul>
 */
@Component(service = PartnerRoutes.class)
public final class NhslaRoutes implements PartnerRoutes {

    private static final Pattern SUMMARY = Pattern.compile("^/members/([^/]+)/summary/?$");
    private static final Pattern WITH_ODS = Pattern.compile("^/(profile|linkage)(?:/([^/]+))?/?$");

    private static final int MAX_AREAS = 15;
    private static final int MAX_AREA_LENGTH = 60;

    private final NhslaService service;
    private final PartnerJson json = PartnerJson.leavingOutNulls();

    @Activate
    public NhslaRoutes(@Reference NhslaService service) {
        this.service = service;
    }

    @Override
    public String partnerId() {
        return NhslaPartner.ID;
    }

    @Override
    public RouteAccess access(String method, String path) {
        return "GET".equals(method) && SUMMARY.matcher(path).matches() ? RouteAccess.AUTHENTICATED
                : RouteAccess.PARTNER;
    }

    @Override
    public PartnerResponse handle(PartnerRequest request) {
        String path = request.path();
        String method = request.method();
        Matcher summary = SUMMARY.matcher(path);
        if (summary.matches()) {
            requireMethod(method, "GET", path);
            String ods = summary.group(1).trim().toUpperCase(java.util.Locale.ROOT);
            Integer[] y = years(request);
            // Refused before the member is looked up, so a caller learns nothing about other members.
            if (!mayRead(request.access(), ods)) {
                throw PartnerProblem.forbidden(request.caller() + " may not read the claims of " + ods
                        + ": only admins, operators, the NHS LA and the member's own editors may");
            }
            return PartnerResponse.json(200, json.write(service.profile(ods, y[0], y[1])));
        }
        Matcher m = WITH_ODS.matcher(path);
        if (m.matches()) {
            requireMethod(method, "GET", path);
            Integer[] y = years(request);
            String ods = m.group(2);
            Object body = m.group(1).equals("profile") ? service.profile(ods, y[0], y[1])
                    : ods == null ? service.linkageAll(y[0], y[1]) : service.linkage(ods, y[0], y[1]);
            return PartnerResponse.json(200, json.write(body));
        }
        switch (route(path)) {
            case "/claims":
                requireMethod(method, "POST", path);
                return PartnerResponse.json(200, json.write(service.importClaims(importRequest(request))));
            case "/bids":
                if ("GET".equals(method)) {
                    return PartnerResponse.json(200, json.write(service.bids(year(request))));
                }
                requireMethod(method, "POST", path);
                return PartnerResponse.json(200, json.write(service.assess(request.caller(), bid(request.body()))));
            case "/allocation":
                requireMethod(method, "GET", path);
                return PartnerResponse.json(200, json.write(service.allocation(year(request))));
            default:
                throw new NotFoundException("no NHS LA route " + path + "; routes: POST /claims, GET /profile[/{ods}],"
                        + " GET /linkage[/{ods}], POST /bids, GET /bids, GET /allocation, GET /members/{ods}/summary");
        }
    }

    /** Core's rule for reading a member's data, or the NHS LA's own callers (the claims are theirs). */
    static boolean mayRead(CallerAccess access, String ods) {
        return access.mayRead(ods) || access.actsFor(NhslaPartner.ID);
    }

    private Integer[] years(PartnerRequest request) {
        return new Integer[] {number("from", request.param("from")), number("to", request.param("to"))};
    }

    private int year(PartnerRequest request) {
        Integer y = number("year", request.param("year"));
        return y == null ? service.settings().incentive().schemeYears().stream().max(Integer::compare)
                .orElse(service.currentYear()) : y;
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(Violation.of(field, text, "a financial year such as 2014"));
        }
    }

    private Bid bid(byte[] body) {
        JsonNode n = json.readTree(body);
        List<Violation> problems = new ArrayList<>();
        for (String f : List.of("ods", "schemeYear", "contribution", "asked", "areas")) {
            if (n == null || !n.hasNonNull(f)) {
                problems.add(Violation.of(f, null, "required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!n.get("schemeYear").canConvertToInt() || !n.get("areas").isArray()) {
            throw new ValidationException(Violation.of("schemeYear/areas", n.toString(),
                    "schemeYear is a year such as 2014 and areas a list of specialties"));
        }
        List<String> areas = new ArrayList<>();
        n.get("areas").forEach(a -> areas.add(a.asText().strip()));
        // Bounded so that the stored areas and reasons fit their columns (V1__claims_and_bids.sql).
        if (areas.size() > MAX_AREAS || areas.stream().anyMatch(a -> a.isEmpty() || a.length() > MAX_AREA_LENGTH)) {
            throw new ValidationException(Violation.of("areas", n.get("areas").toString(), "at most " + MAX_AREAS
                    + " specialties, each 1 to " + MAX_AREA_LENGTH + " characters"));
        }
        return new Bid(n.get("ods").asText(), n.get("schemeYear").asInt(),
                Money.parsePounds("contribution", n.get("contribution").asText()),
                Money.parsePounds("asked", n.get("asked").asText()), areas);
    }
}
