package uk.nhs.safety.partner.nhsi.internal;

import static uk.nhs.safety.partner.support.routes.Routes.importRequest;
import static uk.nhs.safety.partner.support.routes.Routes.requireMethod;
import static uk.nhs.safety.partner.support.routes.Routes.route;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.nhsi.internal.export.Csv;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * The NHS Improvement partner's routes under {@code /api/v1/partners/nhsi}:
 * <ul>
 *   <li>{@code GET /national[?format=csv]}: the national roll-up; PUBLIC (the web dashboard reads it)</li>
 *   <li>{@code GET /catalogue[?version=]}: the catalogue in force (or a bundled version); PUBLIC</li>
 *   <li>{@code GET /members/{ods}/harm}, {@code GET /members/{ods}/alignment}: one member's incident-based harm series
 *       (with SPC) and alignment; {@code POST /members/{ods}/harm?measure=<key>}: record the harm series as the
 *       values of that measure of the member's plan. Any authenticated caller gets through core; this handler then
 *       asks core's rule ({@link PartnerRequest#access()}): reading is for whoever may read the member's data
 *       (admins, operators, the member's own editors) and NHS Improvement's own callers; recording is for whoever
 *       may edit the member (admins and the member's own editors), as on core's own measurement route</li>
 *   <li>{@code POST /incidents[?partial=true]} (text/csv): incident import; the report as JSON</li>
 *   <li>{@code GET /alignment[?format=csv]}, {@code GET /alignment/{ods}}, {@code GET /gaps}: the alignment table,
 *       one member's alignment, the national priorities-by-members table</li>
 * </ul>
 * Everything not named public or member-level is for NHS Improvement and admins (core's default).
 */
@Component(service = PartnerRoutes.class)
public final class NhsiRoutes implements PartnerRoutes {

    private static final Pattern MEMBER = Pattern.compile("^/members/([^/]+)/(harm|alignment)/?$");
    private static final Pattern ALIGNMENT = Pattern.compile("^/alignment/([^/]+)/?$");

    private final NhsiService service;
    private final PartnerJson json = PartnerJson.writingNulls();

    @Activate
    public NhsiRoutes(@Reference NhsiService service) {
        this.service = service;
    }

    @Override
    public String partnerId() {
        return NhsiPartner.ID;
    }

    @Override
    public RouteAccess access(String method, String path) {
        if (MEMBER.matcher(path).matches()) {
            return RouteAccess.AUTHENTICATED; // and then only the member's own editors, NHS Improvement, admins
        }
        String p = route(path);
        return "GET".equals(method) && (p.equals("/national") || p.equals("/catalogue")) ? RouteAccess.PUBLIC
                : RouteAccess.PARTNER;
    }

    @Override
    public PartnerResponse handle(PartnerRequest request) {
        String path = request.path();
        String method = request.method();
        Matcher member = MEMBER.matcher(path);
        if (member.matches()) {
            boolean record = member.group(2).equals("harm") && "POST".equals(method);
            if (!record) {
                requireMethod(method, "GET", path);
            }
            String ods = NhsiService.code(member.group(1));
            // Refused before the member is looked up, so a caller learns nothing about other members.
            if (record && !mayRecord(request.access(), ods)) {
                throw PartnerProblem.forbidden(request.caller() + " may not record harm into the measures of " + ods
                        + ": only admins and the member's own editors may change its measurements");
            }
            if (!record && !mayRead(request.access(), ods)) {
                throw PartnerProblem.forbidden(request.caller() + " may not read the incident data of " + ods
                        + ": only admins, operators, NHS Improvement and the member's own editors may");
            }
            if (record) {
                return ok(service.recordHarm(request.caller(), ods, request.param("measure")));
            }
            return ok(member.group(2).equals("harm") ? service.harm(ods) : service.alignment(ods));
        }
        Matcher alignment = ALIGNMENT.matcher(path);
        if (alignment.matches()) {
            requireMethod(method, "GET", path);
            return ok(service.alignment(alignment.group(1)));
        }
        switch (route(path)) {
            case "/national":
                requireMethod(method, "GET", path);
                return csvRequested(request) ? csv("nhsi-national.csv", w -> Csv.national(service.national(), w))
                        : ok(service.national());
            case "/catalogue":
                requireMethod(method, "GET", path);
                return ok(catalogue(request.param("version")));
            case "/alignment":
                requireMethod(method, "GET", path);
                return csvRequested(request) ? csv("nhsi-alignment.csv", w -> Csv.alignment(service.alignmentAll(), w))
                        : ok(service.alignmentAll());
            case "/gaps":
                requireMethod(method, "GET", path);
                return ok(service.gaps());
            case "/incidents":
                requireMethod(method, "POST", path);
                return ok(service.importIncidents(importRequest(request)));
            default:
                throw new NotFoundException("no NHS Improvement route " + path + "; routes: GET /national, GET"
                        + " /catalogue, GET /members/{ods}/harm, POST /members/{ods}/harm?measure=,"
                        + " GET /members/{ods}/alignment,"
                        + " POST /incidents,"
                        + " GET /alignment[/{ods}], GET /gaps");
        }
    }

    private Catalogue catalogue(String version) {
        if (version == null || version.isBlank()) {
            return service.catalogue();
        }
        List<Catalogue> all = service.catalogues();
        return all.stream().filter(c -> c.version().equals(version.strip())).findFirst()
                .orElseThrow(() -> new NotFoundException("no catalogue version " + version + "; bundled: "
                        + String.join(", ", all.stream().map(Catalogue::version).toList())));
    }

    /** Core's rule for reading a member's data, or NHS Improvement's own callers (the incident data is theirs). */
    static boolean mayRead(CallerAccess access, String ods) {
        return access.mayRead(ods) || access.actsFor(NhsiPartner.ID);
    }

    /** Core's rule for changing a member's measurements: admins and the member's own editors. */
    static boolean mayRecord(CallerAccess access, String ods) {
        return access.mayEdit(ods);
    }

    private static boolean csvRequested(PartnerRequest request) {
        String format = request.param("format");
        if (format == null || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (!format.equalsIgnoreCase("csv")) {
            throw new ValidationException(Violation.of("format", format, "csv or json"));
        }
        return true;
    }

    private PartnerResponse ok(Object body) {
        return PartnerResponse.json(200, json.write(body));
    }

    private interface CsvBody {
        void write(java.io.Writer w) throws IOException;
    }

    private static PartnerResponse csv(String file, CsvBody body) {
        StringWriter w = new StringWriter();
        try {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PartnerResponse(200, "text/csv; charset=utf-8", w.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Disposition", "attachment; filename=\"" + file.toLowerCase(Locale.ROOT) + "\""));
    }
}
