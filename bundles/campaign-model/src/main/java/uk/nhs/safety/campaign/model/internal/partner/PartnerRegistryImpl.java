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

import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/**
 * Tracks the installed {@link PartnerIntegration}, {@link Exporter}, {@link Importer} and
 * {@link EvidenceContributor} services as they come and go (no restart needed). Health is asked on every listing; a
 * partner whose health check throws is listed as down, never dropped.
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
    private final Map<Long, Exporter> exporters = new ConcurrentHashMap<>();
    private final Map<Long, Importer> importers = new ConcurrentHashMap<>();
    private final Map<Long, EvidenceContributor> contributors = new ConcurrentHashMap<>();

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeExporter")
    void addExporter(Exporter exporter, ServiceReference<Exporter> reference) {
        exporters.put(serviceId(reference), exporter);
    }

    void removeExporter(ServiceReference<Exporter> reference) {
        exporters.remove(serviceId(reference));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeImporter")
    void addImporter(Importer importer, ServiceReference<Importer> reference) {
        importers.put(serviceId(reference), importer);
    }

    void removeImporter(ServiceReference<Importer> reference) {
        importers.remove(serviceId(reference));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeContributor")
    void addContributor(EvidenceContributor contributor, ServiceReference<EvidenceContributor> reference) {
        contributors.put(serviceId(reference), contributor);
    }

    void removeContributor(ServiceReference<EvidenceContributor> reference) {
        contributors.remove(serviceId(reference));
    }

    @Override
    public List<Exporter> exporters() {
        return exporters.values().stream().sorted(Comparator.comparing(Exporter::name)).toList();
    }

    @Override
    public Optional<Exporter> exporter(String name) {
        return exporters().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Override
    public List<Importer> importers() {
        return importers.values().stream().sorted(Comparator.comparing(Importer::name)).toList();
    }

    @Override
    public Optional<Importer> importer(String name) {
        return importers().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public List<EvidenceContributor> evidenceContributors() {
        return contributors.values().stream().sorted(Comparator.comparing(EvidenceContributor::source)).toList();
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
