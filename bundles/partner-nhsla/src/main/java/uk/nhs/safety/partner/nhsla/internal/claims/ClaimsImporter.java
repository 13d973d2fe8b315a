package uk.nhs.safety.partner.nhsla.internal.claims;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.partner.nhsla.internal.NhslaPartner;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.support.imports.PartnerImporter;

/** The claims import as core's generic importer {@code nhsla-claims} ({@code safety:import}). */
@Component(service = Importer.class)
public final class ClaimsImporter extends PartnerImporter {

    private final NhslaService service;

    @Activate
    public ClaimsImporter(@Reference NhslaService service) {
        super(ClaimsImport.NAME, NhslaPartner.ID, "text/csv",
                "NHS LA claims CSV with a header: " + String.join(",", ClaimsCsv.COLUMNS)
                + "; dates yyyy-mm-dd, amounts in pounds; updates claims by reference; all or nothing unless partial");
        this.service = service;
    }

    @Override
    public ImportReport importData(ImportRequest request) {
        return service.importClaims(request);
    }
}
