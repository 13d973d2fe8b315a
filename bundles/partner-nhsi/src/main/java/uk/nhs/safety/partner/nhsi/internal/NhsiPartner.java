package uk.nhs.safety.partner.nhsi.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.PartnerIntegration;
import uk.nhs.safety.partner.support.partner.BundlePartner;

/** The NHS Improvement integration as core lists it: id {@code nhsi}, its bundle version and health. */
@Component(service = PartnerIntegration.class)
public final class NhsiPartner extends BundlePartner {

    /** The partner id, also the path segment of its routes ({@code /api/v1/partners/nhsi/…}). */
    public static final String ID = "nhsi";

    @Activate
    public NhsiPartner(BundleContext context, @Reference NhsiService service) {
        super(ID, "NHS Improvement", context.getBundle().getVersion().toString(), service::health);
    }
}
