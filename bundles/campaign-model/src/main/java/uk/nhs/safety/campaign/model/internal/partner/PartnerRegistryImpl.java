package uk.nhs.safety.campaign.model.internal.partner;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/**
 * Tracks the installed {@link PartnerIntegration} services as they come and go (no restart needed). Health is
 * asked on every listing; a partner whose health check throws is listed as down, never dropped.
 */
@Component(service = PartnerRegistry.class)
public class PartnerRegistryImpl implements PartnerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerRegistryImpl.class);
    private static final Comparator<PartnerInfo> ORDER = Comparator.comparing(PartnerInfo::id,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PartnerInfo::bundle,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private record Tracked(PartnerIntegration partner, String bundle) {
    }

    // Keyed by service id: stable for the registration's life, and still known when the bundle has gone.
    private final Map<Long, Tracked> partners = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePartner")
    void addPartner(PartnerIntegration partner, ServiceReference<PartnerIntegration> reference) {
        Bundle bundle = reference.getBundle();
        String name = bundle == null ? null : bundle.getSymbolicName();
        partners.put(serviceId(reference), new Tracked(partner, name));
        LOG.info("Partner integration registered by bundle {}", name);
    }

    void removePartner(ServiceReference<PartnerIntegration> reference) {
        Tracked gone = partners.remove(serviceId(reference));
        if (gone != null) {
            LOG.info("Partner integration of bundle {} unregistered", gone.bundle());
        }
    }

    @Override
    public List<PartnerInfo> partners() {
        return partners.values().stream().map(PartnerRegistryImpl::info).sorted(ORDER).toList();
    }

    @Override
    public Optional<PartnerInfo> partner(String id) {
        return partners().stream().filter(p -> p.id() != null && p.id().equals(id)).findFirst();
    }

    private static PartnerInfo info(Tracked t) {
        PartnerIntegration p = t.partner();
        return new PartnerInfo(p.id(), p.name(), p.version(), t.bundle(), health(p, t.bundle()));
    }

    // The SPI says health() must not throw; one that does must not break the listing of every other partner.
    private static PartnerHealth health(PartnerIntegration p, String bundle) {
        try {
            PartnerHealth health = p.health();
            return health != null ? health
                    : new PartnerHealth(PartnerHealth.Status.DOWN, "the integration reported no health");
        } catch (RuntimeException e) {
            LOG.warn("Health check of partner {} (bundle {}) failed", p.id(), bundle, e);
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            return new PartnerHealth(PartnerHealth.Status.DOWN, "health check failed: " + reason);
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
