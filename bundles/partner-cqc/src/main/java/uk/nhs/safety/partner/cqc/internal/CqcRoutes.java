package uk.nhs.safety.partner.cqc.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.export.EvidenceFormat;
import uk.nhs.safety.partner.cqc.internal.timeline.EvidenceTimeline;
import uk.nhs.safety.partner.support.json.PartnerJson;
import uk.nhs.safety.partner.support.routes.Routes;

/**
 * The CQC partner's HTTP routes under {@code /api/v1/partners/cqc}: {@code GET /framework},
 * {@code GET /evidence/{ods}?from=&to=&format=json|csv|html|zip}, {@code GET /gaps/{ods}?from=&to=} (JSON),
 * {@code GET /evidence?members=A,B|all&format=&from=&to=} (every pack in one ZIP),
 * {@code POST /providers[?partial=true]} (CQC API JSON), {@code GET /registrations/{ods}} (the member's CQC
 * providers and locations with ratings), {@code GET /mappings/{ods}} and {@code PUT|DELETE
 * /mappings/{ods}/{kind}/{key}} (per-item mapping overrides; PUT body {@code {"statements":[…]}}),
 * {@code GET /timeline/{ods}?limit=} (the member's plan and action publications, newest first).
 * A ZIP pack is sent as an attachment named {@code cqc-evidence-<ods>-<from>-<to>.zip}. Core has already let only
 * admins and the CQC partner's own tokens through. Thread-safe (stateless).
 */
@Component(service = PartnerRoutes.class)
public final class CqcRoutes implements PartnerRoutes {

    private static final Pattern MEMBER_ROUTE = Pattern.compile(
            "^/(evidence|gaps|registrations|mappings|timeline)/([^/]+)/?$");
    private static final Pattern MAPPING_ROUTE = Pattern.compile("^/mappings/([^/]+)/([^/]+)/([^/]+)/?$");
    private static final Pattern ODS = Pattern.compile("^[A-Za-z0-9]{3,8}$");

    private final CqcEvidenceService evidence;
    private final EvidenceTimeline timeline;
    private final PartnerJson json = PartnerJson.leavingOutNulls();

    @Activate
    public CqcRoutes(@Reference CqcEvidenceService evidence, @Reference EvidenceTimeline timeline) {
        this.evidence = evidence;
        this.timeline = timeline;
    }

    @Override
    public String partnerId() {
        return CqcPartner.ID;
    }

    @Override
    public PartnerResponse handle(PartnerRequest request) {
        String path = request.path();
        if (Routes.route(path).equals("/providers")) {
            Routes.requireMethod(request.method(), "POST", path);
            if (request.contentType() == null || !request.contentType().toLowerCase(Locale.ROOT)
                    .startsWith("application/json")) {
                throw new ValidationException(Violation.of("Content-Type", request.contentType(),
                        "send CQC API JSON as application/json"));
            }
            ImportReport report = evidence.data().importData(Routes.importRequest(request));
            return PartnerResponse.json(200, json.write(report));
        }
        Matcher mapping = MAPPING_ROUTE.matcher(path);
        if (mapping.matches()) {
            String ods = checkedOds(mapping.group(1));
            String kind = mapping.group(2); // core hands the path over decoded: never decode twice
            String key = mapping.group(3);
            if ("PUT".equals(request.method())) {
                MappingBody body = json.readBody(request.body(), MappingBody.class);
                if (body == null) {
                    throw new ValidationException(Violation.of("body", "null",
                            "a JSON object such as {\"statements\":[\"safe.safeguarding\"]}"));
                }
                return PartnerResponse.json(200, json.write(evidence.setMapping(ods, kind, key,
                        body.statements() == null ? List.of() : body.statements(), request.caller())));
            }
            if ("DELETE".equals(request.method())) {
                if (!evidence.data().clearOverride(ods.toUpperCase(Locale.ROOT), kind, key,
                        request.caller())) {
                    throw new NotFoundException("no mapping override for " + kind + " " + key + " of " + ods);
                }
                return new PartnerResponse(204, "application/json", new byte[0], Map.of());
            }
            throw PartnerProblem.methodNotAllowed(request.method(), path, "PUT, DELETE");
        }
        if (Routes.route(path).equals("/evidence")) {
            Routes.requireMethod(request.method(), "GET", path);
            return bulk(request);
        }
        boolean framework = Routes.route(path).equals("/framework");
        Matcher member = MEMBER_ROUTE.matcher(path);
        if (!framework && !member.matches()) {
            throw new NotFoundException("no CQC route " + path + "; routes: GET /framework, GET /evidence/{ods},"
                    + " GET /evidence?members=, GET /gaps/{ods}, GET /registrations/{ods}, POST /providers,"
                    + " GET /mappings/{ods}, GET /timeline/{ods}?limit=,"
                    + " PUT|DELETE /mappings/{ods}/{kind}/{key}");
        }
        Routes.requireMethod(request.method(), "GET", path);
        try {
            if (framework) {
                return PartnerResponse.json(200, json.write(evidence.framework().framework()));
            }
            String ods = checkedOds(member.group(2));
            String upper = ods.toUpperCase(Locale.ROOT);
            if (member.group(1).equals("registrations")) {
                evidence.memberOrThrow(upper);
                return PartnerResponse.json(200, json.write(evidence.data().registrations(upper)));
            }
            if (member.group(1).equals("timeline")) {
                evidence.memberOrThrow(upper);
                return PartnerResponse.json(200, json.write(timeline.entries(upper, limit(request.param("limit")))));
            }
            if (member.group(1).equals("mappings")) {
                evidence.memberOrThrow(upper);
                return PartnerResponse.json(200, json.write(evidence.data().overrides(upper).values()));
            }
            String from = request.param("from");
            String to = request.param("to");
            if (member.group(1).equals("gaps")) {
                return PartnerResponse.json(200, json.write(evidence.gaps(ods, from, to)));
            }
            // Checked before the pack is built: a bad format is refused whatever the member or dates.
            EvidenceFormat format = EvidenceFormat.parse("format", request.param("format"));
            EvidencePack pack = evidence.pack(ods, from, to);
            Map<String, String> headers = format == EvidenceFormat.ZIP
                    ? Map.of("Content-Disposition", "attachment; filename=\"" + format.fileName(pack) + "\"")
                    : Map.of();
            return new PartnerResponse(200, format.contentType(), format.render(pack, json), headers);
        } catch (FrameworkUnavailableException e) {
            // Not the caller's fault and not a bug: the service is up but misconfigured, so say so.
            throw PartnerProblem.unavailable(e.getMessage());
        }
    }

    /**
     * {@code GET /evidence?members=RGT,RJZ|all[&format=][&from=][&to=]}: the members' packs in one ZIP, one file each
     * (named as a single pack's download), and {@code errors.txt} naming each member whose pack could not be built.
     */
    private PartnerResponse bulk(PartnerRequest request) {
        String members = request.param("members");
        if (members == null || members.isBlank()) {
            throw new ValidationException(Violation.of("members", members,
                    "list the members' ODS codes separated by commas, or all"));
        }
        EvidenceFormat format = EvidenceFormat.parse("format", request.param("format"));
        List<String> codes = members.trim().equalsIgnoreCase("all") ? evidence.memberCodes()
                : Arrays.stream(members.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList();
        for (String code : codes) {
            checkedOds(code);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder errors = new StringBuilder();
        int written = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String code : codes) {
                EvidencePack pack;
                try {
                    pack = evidence.pack(code, request.param("from"), request.param("to"));
                } catch (NotFoundException e) {
                    errors.append(code).append(": ").append(e.getMessage()).append('\n');
                    continue;
                }
                zip.putNextEntry(new ZipEntry(format.fileName(pack)));
                zip.write(format.render(pack, json));
                zip.closeEntry();
                written++;
            }
            if (errors.length() > 0) {
                zip.putNextEntry(new ZipEntry("errors.txt"));
                zip.write(errors.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ZIP in memory", e);
        }
        return new PartnerResponse(200, "application/zip", bytes.toByteArray(), Map.of("Content-Disposition",
                "attachment; filename=\"cqc-evidence-" + written + "-members.zip\""));
    }

    /** The body of {@code PUT /mappings/{ods}/{kind}/{key}}. */
    record MappingBody(List<String> statements) {
    }

    /** {@code limit}: 1 to 1,000, default 100. */
    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the value
        }
        throw new ValidationException(Violation.of("limit", text, "a whole number from 1 to 1000"));
    }

    private static String checkedOds(String ods) {
        if (!ODS.matcher(ods).matches()) {
            throw new ValidationException(Violation.of("ods", ods, "an ODS code is 3 to 8 letters and digits"));
        }
        return ods;
    }
}
