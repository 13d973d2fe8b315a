package uk.nhs.safety.partner.cqc.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

/** The Care Quality Commission's integration as core lists it: id {@code cqc}, its bundle version and health. */
@Component(service = PartnerIntegration.class)
public final class CqcPartner implements PartnerIntegration {

    /** The partner id, also the path segment of its routes ({@code /api/v1/partners/cqc/…}). */
    public static final String ID = "cqc";

    private final String version;
    private final CqcEvidenceService evidence;

    @Activate
    public CqcPartner(BundleContext context, @Reference CqcEvidenceService evidence) {
        this(context.getBundle().getVersion().toString(), evidence);
    }

    public CqcPartner(String version, CqcEvidenceService evidence) {
        this.version = version;
        this.evidence = evidence;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Care Quality Commission";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public PartnerHealth health() {
        return evidence.health();
    }
}
