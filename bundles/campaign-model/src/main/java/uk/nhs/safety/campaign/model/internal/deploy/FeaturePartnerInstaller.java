package uk.nhs.safety.campaign.model.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.deploy.InstallRefusedException;
import uk.nhs.safety.campaign.api.deploy.InstallRefusedException.Check;
import uk.nhs.safety.campaign.api.deploy.PartnerChange;
import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;
import uk.nhs.safety.campaign.model.internal.audit.AuditLog;
import uk.nhs.safety.campaign.model.internal.db.Database;

/**
 * Partner installs through Karaf's features service, checked first: the feature's own bundles must declare a partner
 * and accept the running contract, and a dry run of the resolver ({@link FeaturesService.Option#Simulate}, read by
 * {@link SimulationLog}) must show that nothing but the partner's own bundles is refreshed, updated or removed. Then
 * the install, without Karaf's automatic refresh when the dry run showed none, and an audit entry (campaign-wide).
 * One change at a time on a node.
 */
@Component(service = PartnerInstaller.class)
public class FeaturePartnerInstaller implements PartnerInstaller {

    /** The manifest header that marks a partner's bundle (its value is the partner's id). */
    static final String PARTNER_HEADER = "Safety-Partner";
    static final String API_BUNDLE = "uk.nhs.safety.campaign-api";
    static final String CORE_PREFIX = "uk.nhs.safety.campaign-";

    private static final Logger LOG = LoggerFactory.getLogger(FeaturePartnerInstaller.class);

    private final FeaturesService features;
    private final SimulationLog simulationLog;
    private final Database db;
    private final BundleContext context;

    @Activate
    public FeaturePartnerInstaller(@Reference FeaturesService features, @Reference SimulationLog simulationLog,
                                   @Reference Database db, BundleContext context) {
        this.features = features;
        this.simulationLog = simulationLog;
        this.db = db;
        this.context = context;
    }

    /** A partner bundle of a feature, read from its jar. */
    private record PartnerBundle(String location, String symbolicName, String version, String partnerId,
                                 String importPackage) {
        String name() {
            return symbolicName + "/" + version;
        }
    }

    @Override
    public synchronized PartnerChange install(String repositoryUrl, String feature, boolean force, String actor) {
        long started = System.nanoTime();
        URI uri = repositoryUri(repositoryUrl);
        String name = featureName(feature);
        boolean added = false;
        try {
            if (!listed(uri)) {
                karaf(() -> features.addRepository(uri), "cannot read the features repository " + uri);
                added = true;
            }
            Feature target = highest(uri, name);
            List<Feature> installed = installed(name);
            Optional<Feature> previous = installed.stream().max((a, b) -> version(a).compareTo(version(b)));
            if (previous.isPresent() && version(previous.get()).equals(version(target))) {
                throw new CampaignException(name + " " + target.getVersion() + " is installed already; publish a"
                        + " newer version of the partner to upgrade it");
            }
            List<PartnerBundle> partners = partnerBundles(target);
            List<String> contract = new ArrayList<>();
            ApiExports api = apiExports();
            for (PartnerBundle p : partners) {
                contract.addAll(InstallRules.contractProblems(p.name(), p.importPackage(), api.packages(),
                        api.name()));
            }
            if (!contract.isEmpty()) {
                throw new InstallRefusedException(Check.CONTRACT, name + " " + target.getVersion()
                        + " does not accept the running contract " + api.name(), contract);
            }
            Set<String> own = new HashSet<>();
            partners.forEach(p -> own.add(p.symbolicName()));
            installed.forEach(f -> own.addAll(symbolicNames(f)));

            EnumSet<FeaturesService.Option> options = EnumSet.noneOf(FeaturesService.Option.class);
            if (previous.isPresent()) {
                options.add(FeaturesService.Option.Upgrade);
            }
            Simulation simulation = simulate(name + " " + target.getVersion(), () -> {
                EnumSet<FeaturesService.Option> dryRun = EnumSet.copyOf(options);
                dryRun.add(FeaturesService.Option.Simulate);
                features.installFeature(name, target.getVersion(), dryRun);
            });
            List<String> disturbed = InstallRules.disturbed(simulation, own, this::kindOf);
            if (!disturbed.isEmpty() && !force) {
                throw new InstallRefusedException(Check.REFRESH, (previous.isPresent() ? "upgrading " + name + " to "
                        : "installing " + name + " ") + target.getVersion() + " would disturb " + disturbed.size()
                        + " bundle(s) outside the partner; nothing was changed (--force overrides)", disturbed);
            }
            if (simulation.refresh().isEmpty()) {
                // Nothing to refresh now: and nothing may be refreshed if the container changed meanwhile.
                options.add(FeaturesService.Option.NoAutoRefreshBundles);
            }
            karaf(() -> features.installFeature(name, target.getVersion(), options),
                    "Karaf could not install " + name + " " + target.getVersion());
            String action = previous.isEmpty() ? "installed"
                    : version(previous.get()).compareTo(version(target)) < 0 ? "upgraded" : "downgraded";
            PartnerChange change = new PartnerChange(action, name, target.getVersion(),
                    previous.map(Feature::getVersion).orElse(null), uri.toString(), simulation.install(),
                    refs(simulation.update()), refs(simulation.uninstall()),
                    simulation.refresh().stream().map(r -> r.bundle().toString()).toList(),
                    force && !disturbed.isEmpty(), Duration.ofNanos(System.nanoTime() - started));
            audit(actor, "partner." + action, change, disturbed);
            LOG.info("Partner feature {} {} {} by {} from {} in {} ms", name, action, target.getVersion(), actor,
                    uri, change.took().toMillis());
            return change;
        } catch (RuntimeException e) {
            if (added) {
                removeRepository(uri);
            }
            throw e;
        }
    }

    @Override
    public synchronized PartnerChange uninstall(String feature, boolean force, String actor) {
        long started = System.nanoTime();
        String name = featureName(feature);
        List<Feature> installed = installed(name);
        if (installed.isEmpty()) {
            throw new NotFoundException("feature " + name + " is not installed");
        }
        Set<String> own = new HashSet<>();
        for (Feature f : installed) {
            partnerBundles(f).forEach(p -> own.add(p.symbolicName()));
        }
        List<String> installedVersions = installed.stream().map(Feature::getVersion).toList();
        List<String> uninstalled = new ArrayList<>();
        List<String> refreshed = new ArrayList<>();
        List<String> disturbedAll = new ArrayList<>();
        for (Feature f : installed) {
            Simulation simulation = simulate(name + " " + f.getVersion(), () -> features.uninstallFeature(name,
                    f.getVersion(), EnumSet.of(FeaturesService.Option.Simulate)));
            List<String> disturbed = InstallRules.disturbed(simulation, own, this::kindOf);
            if (!disturbed.isEmpty() && !force) {
                throw new InstallRefusedException(Check.REFRESH, "uninstalling " + name + " " + f.getVersion()
                        + " would disturb " + disturbed.size() + " bundle(s) outside the partner; nothing was changed"
                        + " (--force overrides)", disturbed);
            }
            disturbedAll.addAll(disturbed);
            EnumSet<FeaturesService.Option> options = EnumSet.noneOf(FeaturesService.Option.class);
            if (simulation.refresh().isEmpty()) {
                options.add(FeaturesService.Option.NoAutoRefreshBundles);
            }
            karaf(() -> features.uninstallFeature(name, f.getVersion(), options),
                    "Karaf could not uninstall " + name + " " + f.getVersion());
            uninstalled.addAll(refs(simulation.uninstall()));
            simulation.refresh().forEach(r -> refreshed.add(r.bundle().toString()));
        }
        PartnerChange change = new PartnerChange("uninstalled", name, String.join(", ", installedVersions), null,
                null, List.of(), List.of(), uninstalled, refreshed, force && !disturbedAll.isEmpty(),
                Duration.ofNanos(System.nanoTime() - started));
        audit(actor, "partner.uninstalled", change, disturbedAll);
        LOG.info("Partner feature {} {} uninstalled by {} in {} ms", name, change.version(), actor,
                change.took().toMillis());
        return change;
    }

    // --- checks ------------------------------------------------------------------------------------------------

    static URI repositoryUri(String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException(Violation.of("repository-url", url, "is required, e.g."
                    + " mvn:org.example/partner-foo/1.0.0/xml/features"));
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null) {
                throw new ValidationException(Violation.of("repository-url", url, "is not a URL (mvn:, file:,"
                        + " http: or https:)"));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ValidationException(Violation.of("repository-url", url, "is not a URL: " + e.getReason()));
        }
    }

    static String featureName(String feature) {
        if (feature == null || !feature.trim().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ValidationException(Violation.of("feature", feature, "is not a feature name, e.g."
                    + " safety-partner-foo"));
        }
        return feature.trim();
    }

    private boolean listed(URI uri) {
        try {
            return Arrays.stream(features.listRepositories()).anyMatch(r -> uri.equals(r.getURI()));
        } catch (Exception e) {
            throw new CampaignException("cannot list Karaf's features repositories: " + e.getMessage(), e);
        }
    }

    /** The highest version of the feature in the repository or the repositories it references. */
    private Feature highest(URI uri, String name) {
        List<Feature> found = new ArrayList<>();
        Set<String> offered = new LinkedHashSet<>();
        collect(uri, name, found, offered, new HashSet<>());
        return found.stream().max((a, b) -> version(a).compareTo(version(b))).orElseThrow(() ->
                new NotFoundException("the features repository " + uri + " has no feature " + name + " (it has: "
                        + (offered.isEmpty() ? "none" : String.join(", ", offered)) + ")"));
    }

    private void collect(URI uri, String name, List<Feature> found, Set<String> offered, Set<URI> seen) {
        if (!seen.add(uri)) {
            return;
        }
        Repository repository;
        try {
            repository = features.getRepository(uri);
        } catch (Exception e) {
            throw new CampaignException("cannot read the features repository " + uri + ": " + e.getMessage(), e);
        }
        if (repository == null) {
            return;
        }
        try {
            for (Feature f : repository.getFeatures()) {
                offered.add(f.getName());
                if (f.getName().equals(name)) {
                    found.add(f);
                }
            }
            for (URI referenced : repository.getRepositories()) {
                collect(referenced, name, found, offered, seen);
            }
        } catch (Exception e) {
            throw new CampaignException("cannot read the features repository " + uri + ": " + e.getMessage(), e);
        }
    }

    private List<Feature> installed(String name) {
        try {
            return Arrays.stream(features.listInstalledFeatures()).filter(f -> f.getName().equals(name)).toList();
        } catch (Exception e) {
            throw new CampaignException("cannot list Karaf's installed features: " + e.getMessage(), e);
        }
    }

    /**
     * The symbolic names of the feature's own (non-dependency) bundles, read from their jars: an updated bundle keeps
     * the location it was first installed from, so locations cannot tell which installed bundle is the feature's.
     */
    private static Set<String> symbolicNames(Feature feature) {
        Set<String> names = new HashSet<>();
        for (BundleInfo info : feature.getBundles()) {
            if (!info.isDependency()) {
                names.add(symbolicName(manifest(info.getLocation()).getMainAttributes(), info.getLocation()));
            }
        }
        return names;
    }

    private static String symbolicName(Attributes main, String location) {
        String bsn = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        return bsn == null ? location : bsn.split(";")[0].trim();
    }

    /** The feature's own bundles that declare a partner, read from their jars; refuses a feature with none. */
    private List<PartnerBundle> partnerBundles(Feature feature) {
        List<PartnerBundle> partners = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            if (info.isDependency()) {
                continue;
            }
            Manifest manifest = manifest(info.getLocation());
            Attributes main = manifest.getMainAttributes();
            String partner = main.getValue(PARTNER_HEADER);
            if (partner != null) {
                partners.add(new PartnerBundle(info.getLocation(), symbolicName(main, info.getLocation()),
                        Optional.ofNullable(main.getValue(Constants.BUNDLE_VERSION)).orElse("0.0.0"), partner.trim(),
                        main.getValue(Constants.IMPORT_PACKAGE)));
            }
        }
        if (partners.isEmpty()) {
            throw new InstallRefusedException(Check.PARTNER, feature.getName() + " " + feature.getVersion()
                    + " is not a partner feature: none of its bundles declares " + PARTNER_HEADER
                    + " (safety:partner-install installs partners only; use feature:install for anything else)",
                    List.of());
        }
        return partners;
    }

    private static Manifest manifest(String location) {
        try (InputStream in = new URL(location).openStream(); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new CampaignException("bundle " + location + " has no manifest");
            }
            return manifest;
        } catch (IOException e) {
            throw new CampaignException("cannot read bundle " + location + ": " + e.getMessage(), e);
        }
    }

    /** The running contract: campaign-api's exported packages and their versions. */
    private record ApiExports(String name, Map<String, Version> packages) {
    }

    private ApiExports apiExports() {
        for (Bundle b : context.getBundles()) {
            if (API_BUNDLE.equals(b.getSymbolicName())) {
                BundleWiring wiring = b.adapt(BundleWiring.class);
                Map<String, Version> packages = new HashMap<>();
                if (wiring != null) {
                    for (BundleCapability c : wiring.getCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                        Object pkg = c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
                        Object version = c.getAttributes().get(Constants.VERSION_ATTRIBUTE);
                        if (pkg != null && version instanceof Version v) {
                            packages.put(pkg.toString(), v);
                        }
                    }
                }
                return new ApiExports("campaign-api " + b.getVersion(), packages);
            }
        }
        throw new CampaignException("the running campaign-api bundle (" + API_BUNDLE + ") was not found");
    }

    /** What a bundle is, for the refusal: core, another partner, or a library others are wired to. */
    String kindOf(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                String partner = b.getHeaders().get(PARTNER_HEADER);
                if (partner != null) {
                    return "bundle of partner " + partner.trim();
                }
                break;
            }
        }
        return symbolicName.startsWith(CORE_PREFIX) ? "core bundle" : "library bundle of the platform";
    }

    private Simulation simulate(String what, SimulationLog.Work dryRun) {
        List<String> lines;
        try {
            lines = simulationLog.capture(dryRun);
        } catch (Exception e) {
            throw new InstallRefusedException(Check.SIMULATION, "Karaf's resolver refused " + what + ": "
                    + message(e), List.of());
        }
        return Simulation.parse(lines).orElseThrow(() -> new InstallRefusedException(Check.SIMULATION,
                "Karaf's dry run of " + what + " reported nothing readable (its report is read from the log of "
                        + SimulationLog.FEATURES_LOGGER + " at INFO through Pax Logging's PaxOsgi appender; is"
                        + " that logger or appender switched off in etc/org.ops4j.pax.logging.cfg?)", List.of()));
    }

    private void audit(String actor, String action, PartnerChange change, List<String> disturbed) {
        String detail = change.feature() + " " + change.version()
                + (change.previousVersion() == null ? "" : " (was " + change.previousVersion() + ")")
                + (change.repository() == null ? "" : " from " + change.repository())
                + list("; installed: ", change.installed()) + list("; updated: ", change.updated())
                + list("; uninstalled: ", change.uninstalled()) + list("; refreshed: ", change.refreshed())
                + (change.forced() ? "; FORCED despite: " + String.join("; ", disturbed) : "")
                + "; took " + change.took().toMillis() + " ms";
        Instant at = Instant.now();
        db.inTransaction(c -> {
            AuditLog.write(c, at, actor == null || actor.isBlank() ? "unknown" : actor, null, action,
                    "feature " + change.feature() + " " + change.version(), detail);
            return null;
        });
    }

    private static String list(String label, List<String> items) {
        return items.isEmpty() ? "" : label + String.join(", ", items);
    }

    private static List<String> refs(List<Simulation.BundleRef> refs) {
        return refs.stream().map(Simulation.BundleRef::toString).toList();
    }

    private void removeRepository(URI uri) {
        try {
            features.removeRepository(uri);
        } catch (Exception e) {
            LOG.warn("Could not remove the features repository {} added for a refused partner install", uri, e);
        }
    }

    private static Version version(Feature f) {
        try {
            return Version.parseVersion(f.getVersion());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    private static String message(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    @FunctionalInterface
    private interface KarafCall {
        void run() throws Exception;
    }

    private static void karaf(KarafCall call, String failure) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e instanceof CampaignException c ? c : new CampaignException(failure + ": " + message(e), e);
        } catch (Exception e) {
            throw new CampaignException(failure + ": " + message(e), e);
        }
    }
}
