package ${package}.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

/**
 * ${partnerName}'s integration as the platform lists it ({@code safety:partner-list}, {@code /api/v1/partners},
 * {@code /api/health}): id, name, this bundle's version and health. It starts once its tables are ready
 * ({@link Publications}), so a partner whose migration failed is listed FAILED with the reason, never UP.
 */
@Component(service = PartnerIntegration.class)
public final class Integration implements PartnerIntegration {

    /** The partner id: path of its routes ({@code /api/v1/partners/${partnerId}/...}), console scope, table prefix. */
    public static final String ID = "${partnerId}";

    private final String version;

    /** Starts once {@link Publications} has migrated this partner's tables. */
    @Activate
    public Integration(BundleContext context, @Reference Publications publications) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "${partnerName}";
    }

    @Override
    public String version() {
        return version;
    }

    /** UP: running means its tables are migrated and its services are there (the platform lists a bundle that
     * is not running as FAILED, with the reason). Answer quickly: report the last known state, never call out. */
    @Override
    public PartnerHealth health() {
        return PartnerHealth.up();
    }
}
