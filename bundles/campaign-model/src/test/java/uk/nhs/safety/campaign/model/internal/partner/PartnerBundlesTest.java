package uk.nhs.safety.campaign.model.internal.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

class PartnerBundlesTest {

    private final List<Bundle> bundles = new ArrayList<>();
    private final Map<Long, List<ComponentDescriptionDTO>> descriptions = new HashMap<>();
    private final Map<String, List<ComponentConfigurationDTO>> configurations = new HashMap<>();
    private final PartnerBundles partnerBundles = new PartnerBundles(context(), scr());

    @Test
    void listsAPartnerWhoseIntegrationMissesAServiceWithTheReferenceAndItsType() {
        Bundle acme = bundle(7, "org.acme.partner", "acme", Bundle.ACTIVE);
        ComponentDescriptionDTO d = integration(acme, "org.acme.AcmePartner", "optional");
        d.references = new ReferenceDTO[] {reference("store", "uk.nhs.safety.campaign.api.partner.PartnerStore")};
        ComponentConfigurationDTO c = configuration(d, ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO u = new UnsatisfiedReferenceDTO();
        u.name = "store";
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {u};

        assertThat(partnerBundles.notRunning(Set.of())).containsExactly(new PartnerInfo("acme", "Acme partner",
                "1.2.0", "org.acme.partner", new PartnerHealth(PartnerHealth.Status.FAILED,
                "component org.acme.AcmePartner is missing store (uk.nhs.safety.campaign.api.partner.PartnerStore)")));
    }

    @Test
    void givesTheFirstLineOfAFailedActivation() {
        Bundle acme = bundle(7, "org.acme.partner", "acme", Bundle.ACTIVE);
        ComponentConfigurationDTO c = configuration(integration(acme, "org.acme.AcmePartner", "optional"),
                ComponentConfigurationDTO.FAILED_ACTIVATION);
        c.failure = "java.lang.IllegalStateException: no API key configured\n\tat org.acme.AcmePartner.<init>";

        assertThat(partnerBundles.notRunning(Set.of())).extracting(p -> p.health().detail()).containsExactly(
                "component org.acme.AcmePartner failed to activate: java.lang.IllegalStateException: no API key"
                        + " configured");
    }

    @Test
    void namesTheMissingConfigurationOfAComponentThatRequiresOne() {
        Bundle acme = bundle(7, "org.acme.partner", "acme", Bundle.ACTIVE);
        integration(acme, "org.acme.AcmePartner", "require").configurationPid = new String[] {"org.acme.partner"};

        assertThat(partnerBundles.notRunning(Set.of())).extracting(p -> p.health().detail()).containsExactly(
                "component org.acme.AcmePartner waits for its configuration (PID org.acme.partner)");
    }

    @Test
    void namesABundleThatIsNotResolvedOrNotStarted() {
        bundle(7, "org.acme.partner", "acme", Bundle.INSTALLED);
        bundle(8, "org.other.partner", "other", Bundle.RESOLVED);

        assertThat(partnerBundles.notRunning(Set.of())).extracting(PartnerInfo::id, p -> p.health().detail())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme", "bundle org.acme.partner is not resolved: a"
                                + " package or capability it needs is missing (bundle:diag 7)"),
                        org.assertj.core.groups.Tuple.tuple("other", "bundle org.other.partner is not started"
                                + " (bundle:start 8)"));
    }

    @Test
    void leavesOutRunningPartnersAndBundlesWithoutThePartnerHeader() {
        bundle(7, "org.acme.partner", "acme", Bundle.ACTIVE);
        bundle(9, "uk.nhs.safety.campaign-model", null, Bundle.INSTALLED);

        assertThat(partnerBundles.notRunning(Set.of(7L))).isEmpty();
    }

    private ComponentDescriptionDTO integration(Bundle bundle, String name, String policy) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.serviceInterfaces = new String[] {PartnerIntegration.class.getName()};
        d.configurationPolicy = policy;
        d.configurationPid = new String[] {name};
        d.references = new ReferenceDTO[0];
        descriptions.computeIfAbsent(bundle.getBundleId(), k -> new ArrayList<>()).add(d);
        return d;
    }

    private ComponentConfigurationDTO configuration(ComponentDescriptionDTO d, int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.description = d;
        c.state = state;
        configurations.computeIfAbsent(d.name, k -> new ArrayList<>()).add(c);
        return c;
    }

    private static ReferenceDTO reference(String name, String type) {
        ReferenceDTO r = new ReferenceDTO();
        r.name = name;
        r.interfaceName = type;
        return r;
    }

    private Bundle bundle(long id, String symbolicName, String partnerId, int state) {
        Dictionary<String, String> headers = new Hashtable<>();
        headers.put("Bundle-Name", partnerId == null ? symbolicName : "Acme partner");
        if (partnerId != null) {
            headers.put(PartnerBundles.HEADER, partnerId);
        }
        Bundle b = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getState" -> state;
                    case "getHeaders" -> headers;
                    case "getVersion" -> new Version(1, 2, 0);
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        bundles.add(b);
        return b;
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles.toArray(new Bundle[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceComponentRuntime scr() {
        return (ServiceComponentRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponentDescriptionDTOs" -> descriptions.getOrDefault(
                            ((Bundle) ((Object[]) args[0])[0]).getBundleId(), List.of());
                    case "isComponentEnabled" -> true;
                    case "getComponentConfigurationDTOs" -> configurations.getOrDefault(
                            ((ComponentDescriptionDTO) args[0]).name, List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
