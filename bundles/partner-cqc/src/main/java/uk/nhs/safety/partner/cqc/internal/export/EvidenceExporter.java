package uk.nhs.safety.partner.cqc.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.CqcPartner;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.support.json.PartnerJson;

/** A member's evidence pack as core's generic exporter {@code cqc-evidence} ({@code safety:export}). */
@Component(service = Exporter.class)
public final class EvidenceExporter implements Exporter {

    private final CqcEvidenceService evidence;
    private final PartnerJson json = PartnerJson.leavingOutNulls();

    @Activate
    public EvidenceExporter(@Reference CqcEvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public String name() {
        return "cqc-evidence";
    }

    @Override
    public String partnerId() {
        return CqcPartner.ID;
    }

    @Override
    public String description() {
        return "A member's CQC evidence pack (key questions, quality statements, evidence items, gaps, current CQC"
                + " ratings) for a period: JSON (schema in the bundle), CSV, an HTML report, or a ZIP of all with a"
                + " SHA-256 manifest; a member is required";
    }

    @Override
    public List<String> formats() {
        return Arrays.stream(EvidenceFormat.values()).map(EvidenceFormat::id).toList();
    }

    @Override
    public String mediaType(String format) {
        return EvidenceFormat.parse("format", format).contentType();
    }

    @Override
    public void export(ExportRequest request, OutputStream out) throws IOException {
        EvidenceFormat format = EvidenceFormat.parse("format", request.format());
        if (request.odsCode() == null || request.odsCode().isBlank()) {
            throw new ValidationException(Violation.of("member", null,
                    "an evidence pack is about one member: give its ODS code (cqc:evidence-bulk writes many)"));
        }
        EvidencePack pack = evidence.pack(request.odsCode(), request.from() == null ? null : request.from().toString(),
                request.to() == null ? null : request.to().toString());
        out.write(format.render(pack, json));
    }
}
