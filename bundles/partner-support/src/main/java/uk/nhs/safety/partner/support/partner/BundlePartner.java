package uk.nhs.safety.partner.support.partner;

import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

/**
 * A partner's integration as core lists it, the same in every partner: a fixed id and name, the version of the
 * partner's bundle, and the health its own service reports (quickly, without remote calls). A partner's DS component
 * extends it and passes its values to the constructor.
 */
public abstract class BundlePartner implements PartnerIntegration {

    private final String id;
    private final String name;
    private final String version;
    private final Supplier<PartnerHealth> health;

    /**
     * @param id      the partner id, also the path segment of its routes ({@code /api/v1/partners/<id>/…})
     * @param name    the partner body's name
     * @param version the integration's version, usually its bundle's
     * @param health  the partner service's last known health
     */
    protected BundlePartner(String id, String name, String version, Supplier<PartnerHealth> health) {
        this.id = id;
        this.name = name;
        this.version = version;
        this.health = health;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final PartnerHealth health() {
        return health.get();
    }
}
