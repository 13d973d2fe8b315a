package uk.nhs.safety.partner.nhsla.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.csv.CsvCells;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.partner.nhsla.internal.NhslaPartner;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.claims.Claim;
import uk.nhs.safety.partner.nhsla.internal.profile.ClaimsProfile;
import uk.nhs.safety.partner.nhsla.internal.profile.Slice;
import uk.nhs.safety.partner.support.export.CsvOrJsonExporter;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * The claims profile as an export ({@code nhsla-profile}): one member or national, CSV (one row per dimension and
 * area) or JSON. The period's dates choose the financial years they fall in.
 */
@Component(service = Exporter.class)
public final class ProfileExporter extends CsvOrJsonExporter<ClaimsProfile> {

    private final NhslaService service;

    @Activate
    public ProfileExporter(@Reference NhslaService service) {
        super(NhslaPartner.ID, PartnerJson.leavingOutNulls());
        this.service = service;
    }

    @Override
    public String name() {
        return "nhsla-profile";
    }

    @Override
    public String description() {
        return "NHS LA claims profile of a member (or national without one): claims and value by specialty, cause"
                + " and scheme, with the high-volume and high-value areas and the rule used; from/to pick the"
                + " financial years.";
    }

    @Override
    protected ClaimsProfile compute(ExportRequest request) {
        return service.profile(request.odsCode(), request.from() == null ? null : Claim.financialYear(request.from()),
                request.to() == null ? null : Claim.financialYear(request.to()));
    }

    @Override
    protected void csv(ClaimsProfile p, Writer w) throws IOException {
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("scope", "from_year", "to_year",
                "dimension", "area", "claims", "value_pounds", "high_volume", "high_value").get());
        rows(csv, p, "specialty", p.bySpecialty());
        rows(csv, p, "cause", p.byCause());
        rows(csv, p, "scheme", p.byScheme());
        csv.flush();
    }

    private static void rows(CSVPrinter csv, ClaimsProfile p, String dimension, List<Slice> slices)
            throws IOException {
        for (Slice s : slices) {
            boolean specialty = dimension.equals("specialty");
            csv.printRecord(CsvCells.row(p.scope(), p.fromYear(), p.toYear(), dimension, s.key(), s.claims(),
                    String.format(Locale.ROOT, "%d.%02d", s.valuePence() / 100, s.valuePence() % 100),
                    specialty && p.highVolume().contains(s.key()), specialty && p.highValue().contains(s.key())));
        }
    }
}
