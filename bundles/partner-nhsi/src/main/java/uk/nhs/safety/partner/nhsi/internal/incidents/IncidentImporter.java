package uk.nhs.safety.partner.nhsi.internal.incidents;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.partner.nhsi.internal.NhsiPartner;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.support.imports.PartnerImporter;

/** The incident-count import as core's generic importer {@code nhsi-incidents} ({@code safety:import}). */
@Component(service = Importer.class)
public final class IncidentImporter extends PartnerImporter {

    private final NhsiService service;

    @Activate
    public IncidentImporter(@Reference NhsiService service) {
        super(IncidentImport.NAME, NhsiPartner.ID, "text/csv",
                "Incident counts in the national reporting system's shape, CSV with a header: " + IncidentCsv.HEADER
                + "; month yyyy-mm, degree of harm no harm/low/moderate/severe/death; keyed by member, month, category"
                + " and harm (re-importing updates); all or nothing unless partial");
        this.service = service;
    }

    @Override
    public ImportReport importData(ImportRequest request) {
        return service.importIncidents(request);
    }
}
