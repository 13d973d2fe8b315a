package uk.nhs.safety.campaign.rest.internal.api;

import uk.nhs.safety.campaign.api.AuditService;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;

/** The campaign services the API calls, as one value to hand around (SPC is core's: the API only maps results). */
public record CampaignServices(MemberService members, PledgeService pledges, PlanService plans,
                               MeasureService measures, AuditService audit, PartnerRegistry partners,
                               PdsaService pdsa, PartnerInstaller installer) {

    /** Without PDSA cycles, annotations and partner installs (their routes then fail). */
    public CampaignServices(MemberService members, PledgeService pledges, PlanService plans, MeasureService measures,
                            AuditService audit, PartnerRegistry partners) {
        this(members, pledges, plans, measures, audit, partners, null, null);
    }
}
