package uk.nhs.safety.partner.cqc.internal.data;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.CqcPartner;
import uk.nhs.safety.partner.support.imports.PartnerImporter;

/** CQC provider and location data as core's generic importer {@code cqc-providers} ({@code safety:import}). */
@Component(service = Importer.class)
public final class CqcDataImporter extends PartnerImporter {

    private final CqcEvidenceService service;

    @Activate
    public CqcDataImporter(@Reference CqcEvidenceService service) {
        super(CqcData.IMPORTER, CqcPartner.ID, "application/json",
                "CQC provider and location JSON in the shape of CQC's public API (one record, an array, or a page of"
                + " providers/locations); links them to members by ODS code and keeps their current ratings");
        this.service = service;
    }

    @Override
    public ImportReport importData(ImportRequest request) {
        return service.data().importData(request);
    }
}
