package uk.nhs.safety.campaign.model.internal.partner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;

/**
 * The partner bundles installed now whose {@link PartnerIntegration} is not registered, each with why, as SCR tells
 * it: bundle not resolved or not started, component disabled, waiting for its configuration, missing services, or
 * its activation failed. A partner bundle is one with the {@value #HEADER} manifest header (its partner id), which
 * every partner bundle carries, so core knows a partner before its service exists.
 */
public final class PartnerBundles {

    /** The manifest header naming a bundle's partner id. */
    public static final String HEADER = "Safety-Partner";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    public PartnerBundles(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /**
     * The partner bundles that registered no integration, listed as {@link PartnerHealth.Status#FAILED} with the
     * reason.
     *
     * @param running ids of the bundles whose integration is registered now
     */
    public List<PartnerInfo> notRunning(Set<Long> running) {
        List<PartnerInfo> failed = new ArrayList<>();
        Bundle[] bundles;
        try {
            bundles = context.getBundles();
        } catch (IllegalStateException e) {
            return failed;   // core is stopping: nothing to say about partners
        }
        for (Bundle b : bundles) {
            String id = b.getHeaders("").get(HEADER);
            if (id == null || id.isBlank() || running.contains(b.getBundleId()) || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            String name = b.getHeaders("").get(Constants.BUNDLE_NAME);
            failed.add(new PartnerInfo(id.trim(), name == null ? b.getSymbolicName() : name,
                    b.getVersion().toString(), b.getSymbolicName(),
                    new PartnerHealth(PartnerHealth.Status.FAILED, reason(b))));
        }
        return failed;
    }

    /** Why a partner bundle has no integration registered. */
    String reason(Bundle b) {
        String diag = " (bundle:diag " + b.getBundleId() + ")";
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "bundle " + b.getSymbolicName() + " is not resolved: a package or capability it"
                    + " needs is missing" + diag;
            case Bundle.RESOLVED -> "bundle " + b.getSymbolicName() + " is not started (bundle:start "
                    + b.getBundleId() + ")";
            case Bundle.STARTING -> "bundle " + b.getSymbolicName() + " is starting";
            case Bundle.STOPPING -> "bundle " + b.getSymbolicName() + " is stopping";
            default -> componentReason(b);
        };
    }

    private String componentReason(Bundle b) {
        List<ComponentDescriptionDTO> integrations = scr.getComponentDescriptionDTOs(b).stream()
                .filter(d -> d.serviceInterfaces != null
                        && Arrays.asList(d.serviceInterfaces).contains(PartnerIntegration.class.getName()))
                .toList();
        if (integrations.isEmpty()) {
            return "bundle " + b.getSymbolicName() + " declares no " + PartnerIntegration.class.getSimpleName()
                    + " component";
        }
        return integrations.stream().map(this::componentReason).collect(Collectors.joining("; "));
    }

    private String componentReason(ComponentDescriptionDTO d) {
        String component = "component " + d.name;
        if (!scr.isComponentEnabled(d)) {
            return component + " is disabled (scr:enable " + d.name + ")";
        }
        List<String> reasons = new ArrayList<>();
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            reasons.add(switch (c.state) {
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> waitsForConfiguration(component, d);
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> component + " is missing "
                        + missing(d, c.unsatisfiedReferences);
                case ComponentConfigurationDTO.FAILED_ACTIVATION -> component + " failed to activate: "
                        + firstLine(c.failure);
                default -> component + " is starting";
            });
        }
        if (reasons.isEmpty()) {
            return "require".equals(d.configurationPolicy) ? waitsForConfiguration(component, d)
                    : component + " has not started";
        }
        return String.join("; ", reasons.stream().distinct().toList());
    }

    private static String waitsForConfiguration(String component, ComponentDescriptionDTO d) {
        return component + " waits for its configuration (PID " + String.join(", ", d.configurationPid) + ")";
    }

    private static String missing(ComponentDescriptionDTO d, UnsatisfiedReferenceDTO[] unsatisfied) {
        List<String> names = new ArrayList<>();
        for (UnsatisfiedReferenceDTO u : unsatisfied == null ? new UnsatisfiedReferenceDTO[0] : unsatisfied) {
            String type = Arrays.stream(d.references == null ? new ReferenceDTO[0] : d.references)
                    .filter(r -> r.name.equals(u.name)).map(r -> r.interfaceName).findFirst().orElse("?");
            names.add(u.name + " (" + type + (u.target == null ? "" : " " + u.target) + ")");
        }
        return names.isEmpty() ? "a service it needs" : String.join(", ", names);
    }

    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given (see the log)";
        }
        String first = failure.strip().lines().findFirst().orElse(failure);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
