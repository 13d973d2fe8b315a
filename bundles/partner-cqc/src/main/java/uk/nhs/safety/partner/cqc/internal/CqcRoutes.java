package uk.nhs.safety.partner.cqc.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.export.EvidenceFormat;

/**
 * The CQC partner's HTTP routes under {@code /api/v1/partners/cqc}: {@code GET /framework},
 * {@code GET /evidence/{ods}?from=&to=&format=json|csv|html|zip} and {@code GET /gaps/{ods}?from=&to=} (JSON).
 * A ZIP pack is sent as an attachment named {@code cqc-evidence-<ods>-<from>-<to>.zip}. Core has already let only
 * admins and the CQC partner's own tokens through. Thread-safe (stateless).
 */
@Component(service = PartnerRoutes.class)
public final class CqcRoutes implements PartnerRoutes {

    private static final Pattern MEMBER_ROUTE = Pattern.compile("^/(evidence|gaps)/([^/]+)/?$");
    private static final Pattern ODS = Pattern.compile("^[A-Za-z0-9]{3,8}$");

    private final CqcEvidenceService evidence;
    private final CqcJson json = new CqcJson();

    @Activate
    public CqcRoutes(@Reference CqcEvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public String partnerId() {
        return CqcPartner.ID;
    }

    @Override
    public PartnerResponse handle(PartnerRequest request) {
        String path = request.path();
        boolean framework = path.equals("/framework") || path.equals("/framework/");
        Matcher member = MEMBER_ROUTE.matcher(path);
        if (!framework && !member.matches()) {
            throw new NotFoundException("no CQC route " + path + "; routes: GET /framework, GET /evidence/{ods},"
                    + " GET /gaps/{ods}");
        }
        if (!"GET".equals(request.method())) {
            return new PartnerResponse(405, "application/json",
                    json.write(Map.of("error", request.method() + " is not allowed on " + path + "; use GET"))
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", "GET"));
        }
        try {
            if (framework) {
                return PartnerResponse.json(200, json.write(evidence.framework().framework()));
            }
            String ods = member.group(2);
            if (!ODS.matcher(ods).matches()) {
                throw new ValidationException(Violation.of("ods", ods, "an ODS code is 3 to 8 letters and digits"));
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
            return PartnerResponse.json(503, json.write(Map.of("error", e.getMessage())));
        }
    }
}
