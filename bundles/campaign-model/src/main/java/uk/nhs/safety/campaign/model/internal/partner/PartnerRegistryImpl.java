package uk.nhs.safety.campaign.model.internal.partner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
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

    /** How long a partner integration that could not be had (its activation failed) is left before asking again. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    /**
     * One registered integration. The service object is got on first listing, not by SCR at bind time: a partner
     * whose activation fails then shows as FAILED here instead of as a warning of SCR's against core's registry.
     */
    private final class Tracked {
        final ServiceReference<PartnerIntegration> reference;
        final String bundle;
        final long bundleId;
        private PartnerIntegration service;
        private long failedAt;
        private boolean failed;

        Tracked(ServiceReference<PartnerIntegration> reference) {
            this.reference = reference;
            Bundle b = reference.getBundle();
            this.bundle = b == null ? null : b.getSymbolicName();
            this.bundleId = b == null ? -1 : b.getBundleId();
        }

        /** The integration, or {@code null} while it cannot be had (its component failed to activate). */
        synchronized PartnerIntegration service() {
            if (service == null && (!failed || System.nanoTime() - failedAt > RETRY_NANOS)) {
                service = services.get(reference);
                failed = service == null;
                failedAt = System.nanoTime();
            }
            return service;
        }

        synchronized void release() {
            if (service != null) {
                services.unget(reference);
                service = null;
            }
        }
    }

    /** Gets and releases partners' integration services (the component's bundle context in OSGi). */
    interface Services {
        PartnerIntegration get(ServiceReference<PartnerIntegration> reference);

        void unget(ServiceReference<PartnerIntegration> reference);
    }

    // Keyed by service id: stable for the registration's life, and still known when the bundle has gone.
    private final Map<Long, Tracked> partners = new ConcurrentHashMap<>();
    private final Map<Long, Exporter> exporters = new ConcurrentHashMap<>();
    private final Map<Long, Importer> importers = new ConcurrentHashMap<>();
    private final Map<Long, EvidenceContributor> contributors = new ConcurrentHashMap<>();
    private final Services services;
    /** The partner bundles (by the ids of the bundles whose integration runs) that are installed but not running. */
    private final Function<Set<Long>, List<PartnerInfo>> notRunning;

    @Activate
    public PartnerRegistryImpl(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this(new Services() {
            @Override
            public PartnerIntegration get(ServiceReference<PartnerIntegration> reference) {
                try {
                    return context.getService(reference);
                } catch (IllegalStateException e) {
                    LOG.debug("Partner integration {} is gone: {}", reference, e.getMessage());
                    return null;
                }
            }

            @Override
            public void unget(ServiceReference<PartnerIntegration> reference) {
                try {
                    context.ungetService(reference);
                } catch (IllegalStateException e) {
                    LOG.debug("Partner integration {} was released already: {}", reference, e.getMessage());
                }
            }
        }, new PartnerBundles(context, scr)::notRunning);
    }

    PartnerRegistryImpl(Services services, Function<Set<Long>, List<PartnerInfo>> notRunning) {
        this.services = services;
        this.notRunning = notRunning;
    }

    @Reference(service = PartnerIntegration.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removePartner")
    void addPartner(ServiceReference<PartnerIntegration> reference) {
        Tracked tracked = new Tracked(reference);
        partners.put(serviceId(reference), tracked);
        LOG.info("Partner integration registered by bundle {}", tracked.bundle);
    }

    void removePartner(ServiceReference<PartnerIntegration> reference) {
        Tracked gone = partners.remove(serviceId(reference));
        if (gone != null) {
            gone.release();
            LOG.info("Partner integration of bundle {} unregistered", gone.bundle);
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
        List<PartnerInfo> listed = new ArrayList<>();
        Set<Long> runningBundles = new HashSet<>();
        for (Tracked t : List.copyOf(partners.values())) {
            PartnerIntegration p = t.service();
            if (p != null) {
                listed.add(new PartnerInfo(p.id(), p.name(), p.version(), t.bundle, health(p, t.bundle)));
                runningBundles.add(t.bundleId);
            }
        }
        // Partner bundles without a usable integration, this one's failed activation included, with SCR's reason.
        listed.addAll(notRunning.apply(runningBundles));
        listed.sort(ORDER);
        return List.copyOf(listed);
    }

    @Override
    public Optional<PartnerInfo> partner(String id) {
        return partners().stream().filter(p -> p.id() != null && p.id().equals(id)).findFirst();
    }

    // The SPI says health() must not throw; one that does must not break the listing of every other partner.
    private static PartnerHealth health(PartnerIntegration p, String bundle) {
        try {
            PartnerHealth health = p.health();
            return health != null ? health
                    : new PartnerHealth(PartnerHealth.Status.DOWN, "the integration reported no health");
        } catch (RuntimeException e) {
            // The partner's fault, logged under the partner's bundle, not under core's registry.
            LoggerFactory.getLogger(bundle == null ? "partner" : bundle).warn(
                    "Health check of partner {} threw (PartnerIntegration.health() must not throw)", p.id(), e);
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            return new PartnerHealth(PartnerHealth.Status.DOWN, "health check failed: " + reason);
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
