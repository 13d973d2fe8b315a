package uk.nhs.safety.partner.nhsla.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

/** The NHS LA (NHS Resolution) integration as core lists it: id {@code nhsla}, its bundle version and health. */
@Component(service = PartnerIntegration.class)
public final class NhslaPartner implements PartnerIntegration {

    /** The partner id, also the path segment of its routes ({@code /api/v1/partners/cqc/…}). */
    public static final String ID = "nhsla";

    private final String version;
    private final NhslaService service;

    @Activate
    public NhslaPartner(BundleContext context, @Reference NhslaService service) {
        this(context.getBundle().getVersion().toString(), service);
    }

    public NhslaPartner(String version, NhslaService service) {
        this.version = version;
        this.service = service;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "NHS LA (NHS Resolution)";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public PartnerHealth health() {
        return service.health();
    }
}
