package uk.nhs.safety.partner.nhsla.internal.claims;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.partner.nhsla.internal.NhslaPartner;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;

/** The claims import as core's generic importer {@code nhsla-claims} ({@code safety:import}). */
@Component(service = Importer.class)
public final class ClaimsImporter implements Importer {

    private final NhslaService service;

    @Activate
    public ClaimsImporter(@Reference NhslaService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return ClaimsImport.NAME;
    }

    @Override
    public String partnerId() {
        return NhslaPartner.ID;
    }

    @Override
    public String description() {
        return "NHS LA claims CSV with a header: " + String.join(",", ClaimsCsv.COLUMNS)
                + "; dates yyyy-mm-dd, amounts in pounds; updates claims by reference; all or nothing unless partial";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("text/csv");
    }

    @Override
    public ImportReport importData(ImportRequest request) {
        return service.importClaims(request);
    }
}
