package uk.nhs.safety.campaign.model.internal.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

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

    private final PartnerRegistryImpl registry = new PartnerRegistryImpl();
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
        registry.addPartner(new Partner("nhsla", "NHS Litigation Authority", "1.0.0", PartnerHealth.up(), null),
                reference("uk.nhs.safety.partner-nhsla"));
        registry.addPartner(new Partner("cqc", "Care Quality Commission", "1.2.0",
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
        registry.addPartner(new Partner("cqc", "Care Quality Commission", "1.0.0", PartnerHealth.up(), null), cqc);
        registry.addPartner(new Partner("nhsi", "NHS Improvement", "1.0.0", PartnerHealth.up(), null),
                reference("uk.nhs.safety.partner-nhsi"));

        registry.removePartner(cqc);

        assertThat(registry.partners()).extracting(PartnerInfo::id).containsExactly("nhsi");
    }

    @Test
    void listsAPartnerWhoseHealthCheckThrowsAsDownWithTheReason() {
        registry.addPartner(new Partner("cqc", "Care Quality Commission", "1.0.0", null,
                new IllegalStateException("token expired")), reference("uk.nhs.safety.partner-cqc"));
        registry.addPartner(new Partner("nhsi", "NHS Improvement", "1.0.0", PartnerHealth.up(), null),
                reference("uk.nhs.safety.partner-nhsi"));

        assertThat(registry.partners()).extracting(PartnerInfo::id, p -> p.health().status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cqc", PartnerHealth.Status.DOWN),
                        org.assertj.core.groups.Tuple.tuple("nhsi", PartnerHealth.Status.UP));
        assertThat(registry.partner("cqc").orElseThrow().health().detail()).contains("token expired");
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
