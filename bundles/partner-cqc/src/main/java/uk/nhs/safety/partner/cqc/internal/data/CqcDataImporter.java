package uk.nhs.safety.partner.cqc.internal.data;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.CqcPartner;

/** CQC provider and location data as core's generic importer {@code cqc-providers} ({@code safety:import}). */
@Component(service = Importer.class)
public final class CqcDataImporter implements Importer {

    private final CqcEvidenceService service;

    @Activate
    public CqcDataImporter(@Reference CqcEvidenceService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return CqcData.IMPORTER;
    }

    @Override
    public String partnerId() {
        return CqcPartner.ID;
    }

    @Override
    public String description() {
        return "CQC provider and location JSON in the shape of CQC's public API (one record, an array, or a page of"
                + " providers/locations); links them to members by ODS code and keeps their current ratings";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("application/json");
    }

    @Override
    public ImportReport importData(ImportRequest request) {
        return service.data().importData(request);
    }
}
