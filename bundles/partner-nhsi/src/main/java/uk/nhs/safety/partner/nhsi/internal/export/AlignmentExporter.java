package uk.nhs.safety.partner.nhsi.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.partner.nhsi.internal.NhsiPartner;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment;
import uk.nhs.safety.partner.support.export.CsvOrJsonExporter;
import uk.nhs.safety.partner.support.json.PartnerJson;

/** The alignment table as an export ({@code nhsi-alignment}): one member, or every active member without one. */
@Component(service = Exporter.class)
public final class AlignmentExporter extends CsvOrJsonExporter<List<Alignment>> {

    private final NhsiService service;

    @Activate
    public AlignmentExporter(@Reference NhsiService service) {
        super(NhsiPartner.ID, PartnerJson.writingNulls());
        this.service = service;
    }

    @Override
    public String name() {
        return "nhsi-alignment";
    }

    @Override
    public String description() {
        return "NHS Improvement alignment of members' published plans with the national priorities: per member and"
                + " priority whether it applies, is expected (and why), is addressed (and the evidence), with the"
                + " member's coverage score; one member with an ODS code, every active member without.";
    }

    @Override
    protected List<Alignment> compute(ExportRequest request) {
        return request.odsCode() == null ? service.alignmentAll() : List.of(service.alignment(request.odsCode()));
    }

    @Override
    protected void csv(List<Alignment> value, Writer w) throws IOException {
        Csv.alignment(value, w);
    }
}
