package uk.nhs.safety.campaign.rest.internal.api;

import uk.nhs.safety.campaign.api.AuditService;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;

/** The campaign services the API calls, as one value to hand around. */
public record CampaignServices(MemberService members, PledgeService pledges, PlanService plans,
                               MeasureService measures, AuditService audit, PartnerRegistry partners,
                               SpcAnalyser spc, PartnerInstaller installer) {
}
