package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.partner.nhsi.internal.NhsiPartner;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;

/** The incident-count import as core's generic importer {@code nhsi-incidents} ({@code safety:import}). */
@Component(service = Importer.class)
public final class IncidentImporter implements Importer {

    private final NhsiService service;

    @Activate
    public IncidentImporter(@Reference NhsiService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return IncidentImport.NAME;
    }

    @Override
    public String partnerId() {
        return NhsiPartner.ID;
    }

    @Override
    public String description() {
        return "Incident counts in the national reporting system's shape, CSV with a header: " + IncidentCsv.HEADER
                + "; month yyyy-mm, degree of harm no harm/low/moderate/severe/death; keyed by member, month, category"
                + " and harm (re-importing updates); all or nothing unless partial";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("text/csv");
    }

    @Override
    public ImportReport importData(ImportRequest request) {
        return service.importIncidents(request);
    }
}
