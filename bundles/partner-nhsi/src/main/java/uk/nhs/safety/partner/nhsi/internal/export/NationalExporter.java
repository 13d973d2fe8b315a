package uk.nhs.safety.partner.nhsi.internal.export;

import java.io.IOException;
import java.io.Writer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.partner.nhsi.internal.NhsiPartner;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup;
import uk.nhs.safety.partner.support.export.CsvOrJsonExporter;
import uk.nhs.safety.partner.support.json.PartnerJson;

/** The national roll-up as an export ({@code nhsi-national}): headline figures and the monthly series with SPC. */
@Component(service = Exporter.class)
public final class NationalExporter extends CsvOrJsonExporter<NationalRollup> {

    private final NhsiService service;

    @Activate
    public NationalExporter(@Reference NhsiService service) {
        super(NhsiPartner.ID, PartnerJson.writingNulls());
        this.service = service;
    }

    @Override
    public String name() {
        return "nhsi-national";
    }

    @Override
    public String description() {
        return "NHS Improvement national roll-up: members signed up, plans published, avoidable harm against"
                + " baseline, lives saved (method and assumptions in the JSON), and the national monthly series with"
                + " their SPC analysis; national only (no ODS code).";
    }

    @Override
    protected NationalRollup compute(ExportRequest request) {
        if (request.odsCode() != null) {
            throw new ValidationException(Violation.of("odsCode", request.odsCode(),
                    "the national roll-up is national: give no member"));
        }
        return service.national();
    }

    @Override
    protected void csv(NationalRollup value, Writer w) throws IOException {
        Csv.national(value, w);
    }
}
