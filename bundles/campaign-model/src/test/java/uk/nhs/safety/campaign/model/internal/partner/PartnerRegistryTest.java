package uk.nhs.safety.campaign.model.internal.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

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
