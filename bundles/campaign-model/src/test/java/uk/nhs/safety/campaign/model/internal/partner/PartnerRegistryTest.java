package uk.nhs.safety.campaign.model.internal.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

class PartnerRegistryTest {

    /** The integration behind each registered reference (none: its activation failed), as the framework hands it. */
    private final Map<ServiceReference<?>, PartnerIntegration> registered = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final PartnerRegistryImpl.Services services = new PartnerRegistryImpl.Services() {
        @Override
        public PartnerIntegration get(ServiceReference<PartnerIntegration> reference) {
            calls.add("get " + reference);
            return registered.get(reference);
        }

        @Override
        public void unget(ServiceReference<PartnerIntegration> reference) {
            calls.add("unget " + reference);
        }
    };
    private final PartnerRegistryImpl registry = new PartnerRegistryImpl(services, running -> List.of());

    private void add(PartnerRegistryImpl to, PartnerIntegration partner, ServiceReference<PartnerIntegration> ref) {
        if (partner != null) {
            registered.put(ref, partner);
        }
        to.addPartner(ref);
    }
    private final AtomicLong serviceIds = new AtomicLong(100);

    private record Partner(String id, String name, String version, PartnerHealth health, RuntimeException failure)
            implements PartnerIntegration {
        @Override
        public PartnerHealth health() {
            if (failure != null) {
                throw failure;
            }
            return health;
        }
    }

    @Test
    void listsRegisteredPartnersByIdWithTheirBundle() {
        add(registry, new Partner("nhsla", "NHS Litigation Authority", "1.0.0", PartnerHealth.up(), null),
                reference("uk.nhs.safety.partner-nhsla"));
        add(registry, new Partner("cqc", "Care Quality Commission", "1.2.0",
                new PartnerHealth(PartnerHealth.Status.DEGRADED, "API slow"), null), reference("uk.nhs.safety.partner-cqc"));

        assertThat(registry.partners()).containsExactly(
                new PartnerInfo("cqc", "Care Quality Commission", "1.2.0", "uk.nhs.safety.partner-cqc",
                        new PartnerHealth(PartnerHealth.Status.DEGRADED, "API slow")),
                new PartnerInfo("nhsla", "NHS Litigation Authority", "1.0.0", "uk.nhs.safety.partner-nhsla",
                        PartnerHealth.up()));
        assertThat(registry.partner("nhsla")).map(PartnerInfo::bundle).contains("uk.nhs.safety.partner-nhsla");
        assertThat(registry.partner("nhsi")).isEmpty();
    }

    @Test
    void forgetsAPartnerWhenItsServiceGoes() {
        ServiceReference<PartnerIntegration> cqc = reference("uk.nhs.safety.partner-cqc");
        add(registry, new Partner("cqc", "Care Quality Commission", "1.0.0", PartnerHealth.up(), null), cqc);
        add(registry, new Partner("nhsi", "NHS Improvement", "1.0.0", PartnerHealth.up(), null),
                reference("uk.nhs.safety.partner-nhsi"));

        registry.removePartner(cqc);

        assertThat(registry.partners()).extracting(PartnerInfo::id).containsExactly("nhsi");
    }

    @Test
    void listsAPartnerWhoseHealthCheckThrowsAsDownWithTheReason() {
        add(registry, new Partner("cqc", "Care Quality Commission", "1.0.0", null,
                new IllegalStateException("token expired")), reference("uk.nhs.safety.partner-cqc"));
        add(registry, new Partner("nhsi", "NHS Improvement", "1.0.0", PartnerHealth.up(), null),
                reference("uk.nhs.safety.partner-nhsi"));

        assertThat(registry.partners()).extracting(PartnerInfo::id, p -> p.health().status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cqc", PartnerHealth.Status.DOWN),
                        org.assertj.core.groups.Tuple.tuple("nhsi", PartnerHealth.Status.UP));
        assertThat(registry.partner("cqc").orElseThrow().health().detail()).contains("token expired");
    }

    @Test
    void listsPartnerBundlesWithoutARunningIntegrationAsFailedAmongTheOthers() {
        AtomicReference<Set<Long>> asked = new AtomicReference<>();
        PartnerInfo waiting = new PartnerInfo("acme", "Acme", "0.1.0", "org.acme.partner",
                new PartnerHealth(PartnerHealth.Status.FAILED, "component acme is missing store (PartnerStore)"));
        PartnerRegistryImpl withFailed = new PartnerRegistryImpl(services, running -> {
            asked.set(running);
            return List.of(waiting);
        });
        // "uk.nhs.safety.partner-nhsi" is 26 characters: the fake bundle's id (see reference()).
        add(withFailed, new Partner("nhsi", "NHS Improvement", "1.0.0", PartnerHealth.up(), null),
                reference("uk.nhs.safety.partner-nhsi"));

        assertThat(withFailed.partners()).extracting(PartnerInfo::id).containsExactly("acme", "nhsi");
        assertThat(withFailed.partner("acme")).contains(waiting);
        assertThat(asked.get()).as("the bundles whose integration runs are not asked about").containsExactly(26L);
    }

    @Test
    void getsAnIntegrationOnlyWhenListingAndLeavesOneWhoseActivationFailedToTheFailedListUntilItRetries() {
        AtomicReference<Set<Long>> asked = new AtomicReference<>();
        PartnerRegistryImpl withFailed = new PartnerRegistryImpl(services, running -> {
            asked.set(running);
            return List.of();
        });
        ServiceReference<PartnerIntegration> broken = reference("org.acme.partner");
        add(withFailed, null, broken);   // registered, but the framework hands out nothing: its activation failed
        assertThat(calls).as("nothing is got at bind time").isEmpty();

        assertThat(withFailed.partners()).isEmpty();
        withFailed.partners();

        assertThat(asked.get()).as("its bundle is not counted as running, so it is listed as failed").isEmpty();
        assertThat(calls).as("asked once, not on every listing").containsExactly("get " + broken);
        withFailed.removePartner(broken);
        assertThat(calls).as("nothing to release").containsExactly("get " + broken);
    }

    @Test
    void releasesAnIntegrationItGotWhenItsServiceGoes() {
        ServiceReference<PartnerIntegration> cqc = reference("uk.nhs.safety.partner-cqc");
        add(registry, new Partner("cqc", "Care Quality Commission", "1.0.0", PartnerHealth.up(), null), cqc);
        registry.partners();

        registry.removePartner(cqc);

        assertThat(calls).containsExactly("get " + cqc, "unget " + cqc);
    }

    @Test
    void tracksExportersImportersAndContributorsAsTheyComeAndGo() {
        ServiceReference<PartnerIntegration> cqcRef = reference("uk.nhs.safety.partner-cqc");
        ServiceReference<PartnerIntegration> nhslaRef = reference("uk.nhs.safety.partner-nhsla");
        registry.addExporter(exporter("nhsla-profile"), cast(nhslaRef));
        registry.addExporter(exporter("cqc-evidence"), cast(cqcRef));
        registry.addImporter(importer("nhsla-claims"), cast(nhslaRef));
        registry.addContributor(contributor("nhsla"), cast(nhslaRef));

        assertThat(registry.exporters()).extracting(Exporter::name).containsExactly("cqc-evidence", "nhsla-profile");
        assertThat(registry.exporter("nhsla-profile")).isPresent();
        assertThat(registry.importer("nhsla-claims")).isPresent();
        assertThat(registry.evidenceContributors()).extracting(EvidenceContributor::source).containsExactly("nhsla");

        registry.removeExporter(cast(nhslaRef));
        registry.removeImporter(cast(nhslaRef));
        registry.removeContributor(cast(nhslaRef));

        assertThat(registry.exporters()).extracting(Exporter::name).containsExactly("cqc-evidence");
        assertThat(registry.importer("nhsla-claims")).isEmpty();
        assertThat(registry.evidenceContributors()).isEmpty();
    }

    private static Exporter exporter(String name) {
        return (Exporter) Proxy.newProxyInstance(PartnerRegistryTest.class.getClassLoader(),
                new Class<?>[] {Exporter.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Importer importer(String name) {
        return (Importer) Proxy.newProxyInstance(PartnerRegistryTest.class.getClassLoader(),
                new Class<?>[] {Importer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static EvidenceContributor contributor(String source) {
        return (EvidenceContributor) Proxy.newProxyInstance(PartnerRegistryTest.class.getClassLoader(),
                new Class<?>[] {EvidenceContributor.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "source" -> source;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> ServiceReference<T> cast(ServiceReference<?> reference) {
        return (ServiceReference<T>) reference;
    }

    @SuppressWarnings("unchecked")
    private ServiceReference<PartnerIntegration> reference(String symbolicName) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getBundleId" -> (long) symbolicName.length();
                    case "toString" -> "bundle " + symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        long id = serviceIds.incrementAndGet();
        return (ServiceReference<PartnerIntegration>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> Constants.SERVICE_ID.equals(args[0]) ? id : null;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "service " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
