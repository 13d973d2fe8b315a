package uk.nhs.safety.partner.nhsla.internal.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.EvidenceItem;
import uk.nhs.safety.partner.nhsla.internal.Money;
import uk.nhs.safety.partner.nhsla.internal.NhslaPartner;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.claims.Claim;
import uk.nhs.safety.partner.nhsla.internal.profile.Linkage;

/**
 * Claims-linkage findings as evidence (source {@code nhsla}) for packs such as CQC's: one item per high-volume or
 * high-value claim area of the member over the financial years the period covers, saying whether its published plan
 * addresses it, with the focus areas and the claims value behind it.
 */
@Component(service = EvidenceContributor.class)
public final class ClaimsEvidence implements EvidenceContributor {

    private final NhslaService service;

    @Activate
    public ClaimsEvidence(@Reference NhslaService service) {
        this.service = service;
    }

    @Override
    public String source() {
        return NhslaPartner.ID;
    }

    @Override
    public List<EvidenceItem> evidence(String odsCode, LocalDate from, LocalDate to) {
        Linkage l = service.linkage(odsCode, Claim.financialYear(from), Claim.financialYear(to));
        List<EvidenceItem> items = new ArrayList<>();
        for (Linkage.AreaLink a : l.areas()) {
            Set<String> focus = new LinkedHashSet<>();
            a.links().forEach(f -> focus.add(f.focusArea()));
            String kind = (a.highValue() ? "high-value" : "") + (a.highValue() && a.highVolume() ? " and " : "")
                    + (a.highVolume() ? "high-volume" : "");
            String title = a.specialty() + ": " + kind + " claims area, " + (!a.addressed()
                    ? "not addressed by the published plan" : a.addressedPence() == a.valuePence()
                    ? "addressed by the published plan" : "partly addressed by the published plan ("
                    + Money.pounds(a.addressedPence()) + ")");
            String summary = a.claims() + " claims worth " + Money.pounds(a.valuePence()) + " in financial years "
                    + l.fromYear() + "/" + (l.fromYear() + 1) + " to " + l.toYear() + "/" + (l.toYear() + 1)
                    + (focus.isEmpty() ? "; no focus area is linked to it" : "; linked focus areas " + focus)
                    + (l.planVersion() == 0 ? "; the member has no published plan" : "; plan version "
                    + l.planVersion() + " names " + l.planFocusAreas()) + ". Rule: " + l.rule() + ".";
            items.add(new EvidenceItem(NhslaPartner.ID, "claims-linkage/" + l.odsCode() + "/" + l.fromYear() + "-"
                    + l.toYear() + "/" + a.specialty(), "claims-linkage", title, summary, to, "outcomes",
                    Set.of(Pledge.PUT_SAFETY_FIRST, Pledge.CONTINUALLY_LEARN), focus,
                    "/api/v1/partners/nhsla/linkage/" + l.odsCode()));
        }
        return items;
    }
}
