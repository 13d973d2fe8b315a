package uk.nhs.safety.partner.nhsla.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.PartnerIntegration;
import uk.nhs.safety.partner.support.partner.BundlePartner;

/** The NHS LA (NHS Resolution) integration as core lists it: id {@code nhsla}, its bundle version and health. */
@Component(service = PartnerIntegration.class)
public final class NhslaPartner extends BundlePartner {

    /** The partner id, also the path segment of its routes ({@code /api/v1/partners/nhsla/…}). */
    public static final String ID = "nhsla";

    @Activate
    public NhslaPartner(BundleContext context, @Reference NhslaService service) {
        super(ID, "NHS LA (NHS Resolution)", context.getBundle().getVersion().toString(), service::health);
    }
}
