package uk.nhs.safety.partner.cqc.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.PartnerIntegration;
import uk.nhs.safety.partner.support.partner.BundlePartner;

/** The Care Quality Commission's integration as core lists it: id {@code cqc}, its bundle version and health. */
@Component(service = PartnerIntegration.class)
public final class CqcPartner extends BundlePartner {

    /** The partner id, also the path segment of its routes ({@code /api/v1/partners/cqc/…}). */
    public static final String ID = "cqc";

    @Activate
    public CqcPartner(BundleContext context, @Reference CqcEvidenceService evidence) {
        this(context.getBundle().getVersion().toString(), evidence);
    }

    /** For tests: a fixed version (one public constructor, so SCR cannot pick the wrong one). */
    CqcPartner(String version, CqcEvidenceService evidence) {
        super(ID, "Care Quality Commission", version, evidence::health);
    }
}
