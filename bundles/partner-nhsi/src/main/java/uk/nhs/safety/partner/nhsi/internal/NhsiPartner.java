package uk.nhs.safety.partner.nhsi.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

/** The NHS Improvement integration as core lists it: id {@code nhsi}, its bundle version and health. */
@Component(service = PartnerIntegration.class)
public final class NhsiPartner implements PartnerIntegration {

    /** The partner id, also the path segment of its routes ({@code /api/v1/partners/nhsi/…}). */
    public static final String ID = "nhsi";

    private final String version;
    private final NhsiService service;

    @Activate
    public NhsiPartner(BundleContext context, @Reference NhsiService service) {
        this(context.getBundle().getVersion().toString(), service);
    }

    public NhsiPartner(String version, NhsiService service) {
        this.version = version;
        this.service = service;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "NHS Improvement";
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
