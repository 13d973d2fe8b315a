package uk.nhs.safety.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The point of the platform: the CQC partner feature is installed into and uninstalled from a running container
 * while core serves HTTP requests, and no bundle that was there before is refreshed, restarted or changed.
 *
 * <p>Two stories, each one test method on the shared container and independent of the other's order: the feature
 * comes and goes (before → install → serve → uninstall → after), and the partner's bundle is upgraded in place while
 * it serves. Both share the snapshot, the disturbance watcher and the core traffic loop ({@link Watch}). Feature install is the plain {@link FeaturesService#installFeature(String)} an operator's
 * {@code feature:install safety-partner-cqc} performs, auto-refresh included: if it refreshes anything, that is the
 * finding this test exists to report, so it fails naming the bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PartnerLifecycleIT extends KarafTestSupport {

    static final String FEATURE = "safety-partner-cqc";
    static final String PARTNER_BUNDLE = "uk.nhs.safety.partner-cqc";
    static final String PARTNER_ID = "cqc";
    static final String PARTNER_URL_BASE = "/api/v1/partners/" + PARTNER_ID;

    /** Member with the published example plan (example-plan.json is RJZ's); RGT is read by the core traffic. */
    static final String PLAN_MEMBER = "RJZ";
    static final String TRAFFIC_MEMBER = "RGT";

    /** Bundles the platform's core is made of: none of them may be refreshed or restarted by a partner. */
    static final List<String> CORE_PREFIXES = List.of("uk.nhs.safety.campaign-", "com.fasterxml.jackson",
            "com.h2database", "org.ops4j.pax.jdbc", "com.zaxxer.HikariCP", "org.ops4j.pax.web", "org.eclipse.jetty");

    static final long DEADLINE_SECONDS = 20;
    static final long SETTLE_SECONDS = 60;
    static final long POLL_MILLIS = 50;

    /** The partner's configuration PID and the non-default value the upgrade must keep (the default is 12). */
    static final String CONFIG_PID = "uk.nhs.safety.partner.cqc";
    static final String PERIOD_KEY = "defaultPeriodMonths";
    static final int CONFIGURED_MONTHS = 6;
    /**
     * An evidence pack ending on this day without a start begins {@link #CONFIGURED_MONTHS} months before: worked
     * out by hand (30 June 2025 less six months is 30 December 2024; the default twelve would give 30 June 2024).
     */
    static final String PACK_END = "2025-06-30";
    static final String PACK_START_AFTER_SIX_MONTHS = "2024-12-30";
    /** The "newer build": the same jar with only Bundle-Version raised. */
    static final Version UPGRADED_VERSION = new Version(0, 1, 1);
    /** The version of the newer features repository the operator's upgrade installs. */
    static final String FEATURE_UPGRADE_VERSION = "0.1.2";
    /** How soon after {@link Bundle#update} returns the partner's routes must answer again. */
    static final Duration ROUTES_BACK_WITHIN = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(PartnerLifecycleIT.class);
    private static final Pattern PERIOD_START = Pattern.compile(
            "\"period\"\\s*:\\s*\\{[^}]*\"from\"\\s*:\\s*\"([^\"]*)\"");

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void partnerFeatureComesAndGoesWhileCoreServesWithoutRefreshingOrRestartingAnyBundle() throws Exception {
        importTrustsAndPublishAPlan();
        Feature feature = features().getFeature(FEATURE);
        assertNotNull("feature " + FEATURE + " is not in the distribution's features repository", feature);
        assertFalse(FEATURE + " must not be installed before the test installs it", features().isInstalled(feature));
        assertNull(PARTNER_BUNDLE + " must not be there before the install", partnerBundle());

        awaitSettled();
        Map<Long, BundleSnapshot> before = snapshot();
        List<String> core = before.values().stream().filter(BundleSnapshot::core).map(BundleSnapshot::name)
                .sorted().collect(Collectors.toList());
        assertTrue("the four campaign core bundles are watched: " + core, core.containsAll(List.of(
                "uk.nhs.safety.campaign-api", "uk.nhs.safety.campaign-model", "uk.nhs.safety.campaign-console",
                "uk.nhs.safety.campaign-rest")));
        assertTrue("Jackson, H2, pax-jdbc and Pax Web are watched: " + core,
                core.stream().anyMatch(n -> n.startsWith("com.fasterxml.jackson"))
                        && core.contains("com.h2database")
                        && core.stream().anyMatch(n -> n.startsWith("org.ops4j.pax.jdbc"))
                        && core.stream().anyMatch(n -> n.startsWith("org.ops4j.pax.web")));

        Watch watch = new Watch(before);
        CoreTraffic traffic = watch.traffic;
        try {
            traffic.awaitRequests(2);

            // --- install, as an operator's feature:install does (auto-refresh on) --------------------------------
            features().installFeature(FEATURE);
            watch.assertUntouched("feature:install " + FEATURE);
            Bundle partner = partnerBundle();
            assertNotNull(PARTNER_BUNDLE + " installed by the feature", partner);
            assertEquals(PARTNER_BUNDLE + " state", stateName(Bundle.ACTIVE), stateName(partner.getState()));
            assertPartnerServes();
            traffic.awaitRequests(traffic.requests() + 2);
            watch.assertUntouched("serving with " + FEATURE + " installed");

            // --- uninstall ----------------------------------------------------------------------------------------
            features().uninstallFeature(FEATURE);
            assertNull(PARTNER_BUNDLE + " is gone after feature:uninstall", partnerBundle());
            assertFalse(features().isInstalled(features().getFeature(FEATURE)));
            assertPartnerGone();
            watch.assertUntouched("feature:uninstall " + FEATURE);
            traffic.awaitRequests(traffic.requests() + 2);
        } finally {
            watch.close();
        }
        watch.assertNoFailedRequests("install and uninstall");
        assertEquals("core answers after the partner left", 200, get(url("/api/v1/members/" + TRAFFIC_MEMBER), null)
                .status());
    }

    /**
     * A newer build of the partner's bundle replaces the running one in place ({@link Bundle#update}, what
     * {@code bundle:update} does) while core serves: no core request fails, the partner's routes are back within
     * {@link #ROUTES_BACK_WITHIN}, its configuration and core's data are kept and no other bundle is touched.
     * Self-contained: installs the feature if it is not there and uninstalls it at the end.
     */
    @Test
    public void partnerBundleUpgradesInPlaceWhileCoreServesKeepingConfigurationAndData() throws Exception {
        importTrustsAndPublishAPlan();
        if (!features().isInstalled(features().getFeature(FEATURE))) {
            features().installFeature(FEATURE);
        }
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(CONFIG_PID, "?");
        Dictionary<String, Object> original = configuration.getProperties();
        try {
            Bundle partner = partnerBundle();
            assertNotNull(PARTNER_BUNDLE + " installed by the feature", partner);
            assertPartnerServes();

            // --- stopped, still installed: listed FAILED with the reason; its routes answer 503, not 404 ----------
            partner.stop();
            try {
                Answer stopped = get(url(PARTNER_URL_BASE + "/framework"), null);
                assertEquals("a stopped partner's route, even to an anonymous caller: " + stopped.body(), 503,
                        stopped.status());
                assertEquals("Retry-After of a stopped partner's route", "1", stopped.retryAfter());
                assertEquals("application/problem+json", stopped.contentType());
                assertContains(awaitCommand("safety:partner-list", out -> out.contains("FAILED"),
                        "safety:partner-list lists the stopped partner as FAILED"), PARTNER_ID, "is not started");
                Answer health = get(url("/api/health"), null);
                assertEquals("core stays UP with a partner stopped: " + health.body(), 200, health.status());
                assertContains(health.body(), "{\"id\":\"" + PARTNER_ID + "\",\"status\":\"FAILED\",\"detail\":\"bundle "
                        + PARTNER_BUNDLE + " is not started");
            } finally {
                partner.start();
            }
            assertPartnerServes();

            // --- a non-default configuration, in effect before the upgrade ---------------------------------------
            configureNonDefaultPeriod(configuration, original);

            // The partner's own data (a mapping override, in its cqc_* tables) and core's data as the partner reads it.
            assertContains(awaitCommand("cqc:map " + PLAN_MEMBER + " change-idea C1 safe.safeguarding",
                    out -> out.startsWith("Mapped"), "cqc:map sets an override"), "safe.safeguarding");
            URL member = url("/api/v1/members/" + PLAN_MEMBER);
            URL plan = url("/api/v1/members/" + PLAN_MEMBER + "/plan/versions/1");
            Answer memberBefore = get(member, null);
            Answer planBefore = get(plan, null);
            assertEquals("member " + PLAN_MEMBER + ": " + memberBefore.body(), 200, memberBefore.status());
            assertEquals("published plan of " + PLAN_MEMBER + ": " + planBefore.body(), 200, planBefore.status());

            long id = partner.getBundleId();
            Version was = partner.getVersion();
            assertTrue("the upgrade raises the version: " + was + " -> " + UPGRADED_VERSION,
                    UPGRADED_VERSION.compareTo(was) > 0);
            byte[] newerBuild = withBundleVersion(read(partner.getLocation()), UPGRADED_VERSION);

            awaitSettled();
            Map<Long, BundleSnapshot> before = snapshot();
            before.remove(id);
            Watch watch = new Watch(before);
            Duration routesBackAfter;
            try {
                watch.traffic.awaitRequests(2);

                // --- the upgrade --------------------------------------------------------------------------------
                partner.update(new ByteArrayInputStream(newerBuild));
                long updated = System.nanoTime();
                awaitHttp(url(PARTNER_URL_BASE + "/framework"), ADMIN, a -> a.status() == 200,
                        "answers 200 after the bundle update", ROUTES_BACK_WITHIN);
                routesBackAfter = Duration.ofNanos(System.nanoTime() - updated);
                LOG.info("CQC partner routes answered again {} ms after the bundle update returned",
                        routesBackAfter.toMillis());
                System.out.println("PartnerLifecycleIT: CQC routes back " + routesBackAfter.toMillis()
                        + " ms after Bundle.update returned");

                watch.traffic.awaitRequests(watch.traffic.requests() + 2);
                watch.assertUntouched("updating " + PARTNER_BUNDLE + " to " + UPGRADED_VERSION);
            } finally {
                watch.close();
            }
            watch.assertNoFailedRequests("the update of " + PARTNER_BUNDLE);

            // --- the same bundle, newer, serving with its configuration -----------------------------------------
            Bundle upgraded = context.getBundle(id);
            assertNotNull("bundle " + id + " is still installed after its update", upgraded);
            assertEquals("the partner keeps its bundle id", id, partnerBundle().getBundleId());
            assertEquals(PARTNER_BUNDLE + " state", stateName(Bundle.ACTIVE), stateName(upgraded.getState()));
            assertEquals(PARTNER_BUNDLE + " version", UPGRADED_VERSION, upgraded.getVersion());
            String partners = awaitCommand("safety:partner-list", out -> out.contains(UPGRADED_VERSION.toString()),
                    "safety:partner-list shows the partner at " + UPGRADED_VERSION);
            assertContains(partners, PARTNER_ID, "UP");
            assertFalse("safety:partner-list no longer shows " + was + ":\n" + partners,
                    partners.contains(was.toString()));

            Object months = configurations.getConfiguration(CONFIG_PID, "?").getProperties().get(PERIOD_KEY);
            assertEquals("configured " + PERIOD_KEY + " after the upgrade", String.valueOf(CONFIGURED_MONTHS),
                    String.valueOf(months));
            awaitPackStart(PACK_START_AFTER_SIX_MONTHS, Duration.ofSeconds(DEADLINE_SECONDS));

            assertContains(execute("cqc:map " + PLAN_MEMBER), "change-idea", "C1", "safe.safeguarding");
            assertEquals("member " + PLAN_MEMBER + " after the upgrade", memberBefore, get(member, null));
            assertEquals("published plan of " + PLAN_MEMBER + " after the upgrade", planBefore, get(plan, null));
            assertPartnerServes();
        } finally {
            if (original != null) {
                configuration.update(original);
            }
            features().uninstallFeature(FEATURE);
        }
        assertNull(PARTNER_BUNDLE + " is gone after feature:uninstall", partnerBundle());
        assertPartnerGone();
    }

    /**
     * The operator's upgrade path: a newer build published as a newer features repository, installed with the console
     * commands the README gives ({@code feature:repo-add}, then {@code feature:install --upgrade}) while core serves.
     * The newer repository is made here from the installed feature's own definition (same dependencies, bundles and
     * configuration) with the partner bundle replaced by a build of version {@link #FEATURE_UPGRADE_VERSION}. No core
     * request fails, no core bundle is touched, the old feature version is uninstalled, the partner serves at the new
     * version with its configuration.
     */
    @Test
    public void partnerFeatureUpgradesThroughANewerFeaturesRepositoryWithTheConsoleCommands() throws Exception {
        importTrustsAndPublishAPlan();
        if (!features().isInstalled(features().getFeature(FEATURE))) {
            features().installFeature(FEATURE);
        }
        Feature installed = features().getFeature(FEATURE);
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(CONFIG_PID, "?");
        Dictionary<String, Object> original = configuration.getProperties();
        Path dir = Files.createTempDirectory(
                Path.of(System.getProperty("karaf.data")), "upgrade");
        String repository = null;
        try {
            Bundle partner = partnerBundle();
            assertNotNull(PARTNER_BUNDLE + " installed by the feature", partner);
            assertPartnerServes();
            configureNonDefaultPeriod(configuration, original);

            Path jar = dir.resolve("partner-cqc-" + FEATURE_UPGRADE_VERSION + ".jar");
            Files.write(jar, withBundleVersion(read(partner.getLocation()), new Version(FEATURE_UPGRADE_VERSION)));
            Path xml = dir.resolve("safety-features-" + FEATURE_UPGRADE_VERSION + ".xml");
            Files.writeString(xml, newerRepository(installed, partner.getLocation(), jar.toUri()
                    .toString()));
            repository = xml.toUri().toString();

            awaitSettled();
            Map<Long, BundleSnapshot> before = snapshot();
            before.remove(partner.getBundleId());
            Watch watch = new Watch(before);
            try {
                watch.traffic.awaitRequests(2);
                assertContains(execute("feature:repo-add " + repository), "Adding feature url");
                String upgrade = execute("feature:install --upgrade " + FEATURE + "/" + FEATURE_UPGRADE_VERSION);
                assertFalse("feature:install --upgrade printed an error:\n" + upgrade,
                        upgrade.contains("Error") || upgrade.contains("rror executing"));
                awaitHttp(url(PARTNER_URL_BASE + "/framework"), ADMIN, a -> a.status() == 200,
                        "answers 200 after the feature upgrade", ROUTES_BACK_WITHIN);
                watch.traffic.awaitRequests(watch.traffic.requests() + 2);
                watch.assertUntouched("feature:install --upgrade " + FEATURE + "/" + FEATURE_UPGRADE_VERSION);
            } finally {
                watch.close();
            }
            watch.assertNoFailedRequests("the feature upgrade of " + FEATURE);

            String list = execute("feature:list -i");
            assertTrue("the new feature version is installed:\n" + list, list.lines().anyMatch(
                    l -> l.startsWith(FEATURE + " ") && l.contains(FEATURE_UPGRADE_VERSION)));
            assertFalse("the old feature version is uninstalled:\n" + list, list.lines().anyMatch(
                    l -> l.startsWith(FEATURE + " ") && l.contains(installed.getVersion())));
            Bundle upgraded = partnerBundle();
            assertEquals(PARTNER_BUNDLE + " version", new Version(FEATURE_UPGRADE_VERSION), upgraded.getVersion());
            assertEquals(PARTNER_BUNDLE + " state", stateName(Bundle.ACTIVE), stateName(upgraded.getState()));
            awaitCommand("safety:partner-list", out -> out.contains(FEATURE_UPGRADE_VERSION),
                    "safety:partner-list shows the partner at " + FEATURE_UPGRADE_VERSION);
            awaitPackStart(PACK_START_AFTER_SIX_MONTHS, Duration.ofSeconds(DEADLINE_SECONDS));
            assertPartnerServes();
        } finally {
            if (original != null) {
                configuration.update(original);
            }
            for (Feature f : features().listInstalledFeatures()) {
                if (f.getName().equals(FEATURE)) {
                    features().uninstallFeature(f.getName(), f.getVersion());
                }
            }
            if (repository != null) {
                execute("feature:repo-remove " + repository);
            }
        }
        assertNull(PARTNER_BUNDLE + " is gone after feature:uninstall", partnerBundle());
        assertPartnerGone();
    }

    /**
     * The safe path for operators and partner bodies: {@code safety:partner-install <repository-url> <feature>} installs
     * the partner from its own features repository (the one its module builds), upgrades it from a newer repository,
     * and refuses a "partner" that would refresh a core bundle (a fragment of campaign-model), naming the bundle and
     * Karaf's reason and changing nothing; {@code safety:partner-uninstall} removes it. Core serves throughout and no
     * bundle that was there before is touched.
     */
    @Test
    public void safetyPartnerInstallInstallsAndUpgradesFromThePartnersOwnRepositoryAndRefusesRefreshingCore()
            throws Exception {
        importTrustsAndPublishAPlan();
        for (Feature f : features().listInstalledFeatures()) {
            if (f.getName().equals(FEATURE)) {
                features().uninstallFeature(f.getName(), f.getVersion());
            }
        }
        String own = null;
        for (org.apache.karaf.features.Repository r : features().listRepositories()) {
            if (Arrays.stream(r.getFeatures()).anyMatch(f -> f.getName().equals(FEATURE))
                    && r.getURI().toString().startsWith("mvn:uk.nhs.safety/partner-cqc/")) {
                own = r.getURI().toString();
            }
        }
        assertNotNull(FEATURE + " comes from the partner's own repository mvn:uk.nhs.safety/partner-cqc/…", own);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("karaf.data")), "partner-install");
        String newer = null;
        try {
            awaitSettled();
            Map<Long, BundleSnapshot> before = snapshot();
            Watch watch = new Watch(before);
            try {
                watch.traffic.awaitRequests(2);
                String installed = execute("safety:partner-install " + own + " " + FEATURE);
                assertContains(installed, "Partner feature " + FEATURE, " installed ", "No bundle was refreshed.");
                assertPartnerServes();
                watch.assertUntouched("safety:partner-install " + own + " " + FEATURE);
            } finally {
                watch.close();
            }
            watch.assertNoFailedRequests("safety:partner-install " + FEATURE);

            // --- upgrade from a newer repository ------------------------------------------------------------------
            Bundle partner = partnerBundle();
            Feature current = features().getFeature(FEATURE);
            Path jar = dir.resolve("partner-cqc-" + FEATURE_UPGRADE_VERSION + ".jar");
            Files.write(jar, withBundleVersion(read(partner.getLocation()), new Version(FEATURE_UPGRADE_VERSION)));
            Path xml = dir.resolve("partner-cqc-" + FEATURE_UPGRADE_VERSION + "-features.xml");
            Files.writeString(xml, newerRepository(current, partner.getLocation(), jar.toUri().toString()));
            newer = xml.toUri().toString();
            awaitSettled();
            before = snapshot();
            before.remove(partner.getBundleId());
            watch = new Watch(before);
            try {
                watch.traffic.awaitRequests(2);
                String upgraded = execute("safety:partner-install " + newer + " " + FEATURE);
                assertContains(upgraded, "Partner feature " + FEATURE + " " + FEATURE_UPGRADE_VERSION + " upgraded");
                awaitHttp(url(PARTNER_URL_BASE + "/framework"), ADMIN, a -> a.status() == 200,
                        "answers 200 after safety:partner-install upgraded it", ROUTES_BACK_WITHIN);
                watch.assertUntouched("safety:partner-install " + newer + " " + FEATURE);
            } finally {
                watch.close();
            }
            watch.assertNoFailedRequests("the upgrade by safety:partner-install");
            assertEquals(PARTNER_BUNDLE + " version", new Version(FEATURE_UPGRADE_VERSION),
                    partnerBundle().getVersion());

            // --- refused: a "partner" that is a fragment of core -------------------------------------------------
            Path fragment = dir.resolve("fragment.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
            manifest.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, "org.example.partner-fragment");
            manifest.getMainAttributes().putValue(Constants.BUNDLE_VERSION, "1.0.0");
            manifest.getMainAttributes().putValue(Constants.FRAGMENT_HOST, "uk.nhs.safety.campaign-model");
            manifest.getMainAttributes().putValue("Safety-Partner", "fragment");
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(
                    Files.newOutputStream(fragment), manifest)) {
                out.flush();
            }
            Path fragmentXml = dir.resolve("fragment-features.xml");
            Files.writeString(fragmentXml, "<features name=\"fragment-1.0.0\" xmlns=\"http://karaf.apache.org/xmlns/"
                    + "features/v1.6.0\">\n  <feature name=\"safety-partner-fragment\" version=\"1.0.0\">\n"
                    + "    <feature>safety-api</feature>\n    <bundle>" + fragment.toUri() + "</bundle>\n"
                    + "  </feature>\n</features>\n");
            awaitSettled();
            Map<Long, BundleSnapshot> beforeRefusal = snapshot();
            String refused = execute("safety:partner-install " + fragmentXml.toUri() + " safety-partner-fragment");
            assertContains(refused, "Error: installing safety-partner-fragment 1.0.0 would disturb",
                    "uk.nhs.safety.campaign-model/", "(core bundle) would be refreshed: Attached fragments changed");
            assertEquals("bundles after the refused install", beforeRefusal.keySet(), snapshot().keySet());
            assertFalse("the refused partner's repository is removed again", execute("feature:repo-list")
                    .contains(fragmentXml.toUri().toString()));

            // --- removal -----------------------------------------------------------------------------------------
            assertContains(execute("safety:partner-uninstall " + FEATURE), "Partner feature " + FEATURE,
                    " uninstalled");
        } finally {
            for (Feature f : features().listInstalledFeatures()) {
                if (f.getName().equals(FEATURE)) {
                    features().uninstallFeature(f.getName(), f.getVersion());
                }
            }
            if (newer != null) {
                execute("feature:repo-remove " + newer);
            }
        }
        assertNull(PARTNER_BUNDLE + " is gone after safety:partner-uninstall", partnerBundle());
        assertPartnerGone();
    }

    /**
     * A features repository holding the installed partner feature at {@link #FEATURE_UPGRADE_VERSION}: the same
     * feature dependencies, dependency bundles and configuration, the partner bundle at its new location.
     */
    private static String newerRepository(Feature feature, String oldLocation, String newLocation) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<features name=\"safety-upgrade-").append(FEATURE_UPGRADE_VERSION)
                .append("\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n")
                .append("  <feature name=\"").append(feature.getName()).append("\" version=\"")
                .append(FEATURE_UPGRADE_VERSION).append("\">\n");
        feature.getDependencies().forEach(d -> xml.append("    <feature>").append(d.getName())
                .append("</feature>\n"));
        feature.getBundles().forEach(b -> {
            String location = b.getLocation().equals(oldLocation) ? newLocation : b.getLocation();
            xml.append("    <bundle").append(b.isDependency() ? " dependency=\"true\"" : "").append(">")
                    .append(escape(location)).append("</bundle>\n");
        });
        feature.getConfigurations().forEach(c -> {
            xml.append("    <config name=\"").append(c.getName()).append("\" override=\"false\">\n");
            c.getProperties().forEach((k, v) -> xml.append("      ").append(k).append(" = ").append(escape(
                    String.valueOf(v))).append("\n"));
            xml.append("    </config>\n");
        });
        return xml.append("  </feature>\n</features>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    /** Sets {@link #PERIOD_KEY} to {@link #CONFIGURED_MONTHS} (other properties kept) and waits until it applies. */
    private void configureNonDefaultPeriod(org.osgi.service.cm.Configuration configuration,
                                           Dictionary<String, Object> original) throws Exception {
        Dictionary<String, Object> changed = new Hashtable<>();
        if (original != null) {
            Collections.list(original.keys()).forEach(key -> changed.put(key, original.get(key)));
        }
        changed.put(PERIOD_KEY, CONFIGURED_MONTHS);
        configuration.update(changed);
        awaitPackStart(PACK_START_AFTER_SIX_MONTHS, Duration.ofSeconds(DEADLINE_SECONDS));
    }

    /**
     * Core data the partner reads (the trust list, RJZ's published plan), through the console like an operator;
     * once per container, whichever test method comes first (both share it: the reactor is per class).
     */
    private void importTrustsAndPublishAPlan() throws Exception {
        if (get(url("/api/v1/members/" + PLAN_MEMBER + "/plan/versions/1"), null).status() == 200) {
            return;
        }
        assertContains(execute("safety:member-import " + imported(System.getProperty("etr.csv"))), "241 rows");
        assertContains(execute("safety:plan-import " + PLAN_MEMBER + " "
                + imported(System.getProperty("example.plan"))), "Saved plan for " + PLAN_MEMBER);
        assertContains(execute("safety:plan-publish " + PLAN_MEMBER), "Published " + PLAN_MEMBER + " plan version 1");
    }

    /** Routes, commands and the partner's registration appear (each polled: DS and the shell extender are async). */
    private void assertPartnerServes() throws Exception {
        String partners = awaitCommand("safety:partner-list", out -> out.contains(PARTNER_ID),
                "safety:partner-list lists " + PARTNER_ID);
        assertContains(partners, "Care Quality Commission", "UP");

        String framework = awaitCommand("cqc:framework", out -> out.contains("Well-led"),
                "cqc:framework prints the framework");
        assertContains(framework, "Key question", "Quality statement", "Safe", "Effective", "Caring", "Responsive",
                "Well-led", "safe.learning-culture");

        Answer json = awaitHttp(url(PARTNER_URL_BASE + "/framework"), ADMIN, 200);
        assertContains(json.body(), "\"Safe\"", "\"Well-led\"", "safe.learning-culture");
        assertTrue("framework answers JSON: " + json.contentType(),
                json.contentType() != null && json.contentType().startsWith("application/json"));
        assertEquals("anonymous framework request", 401, get(url(PARTNER_URL_BASE + "/framework"), null).status());

        Answer gaps = get(url(PARTNER_URL_BASE + "/gaps/" + PLAN_MEMBER), ADMIN);
        assertEquals("gaps for " + PLAN_MEMBER + ": " + gaps.body(), 200, gaps.status());
        assertContains(gaps.body(), "\"odsCode\"", PLAN_MEMBER, "\"gaps\"");
        Answer evidence = get(url(PARTNER_URL_BASE + "/evidence/" + PLAN_MEMBER), ADMIN);
        assertEquals("evidence for " + PLAN_MEMBER + ": " + evidence.body(), 200, evidence.status());
        assertContains(evidence.body(), PLAN_MEMBER);
    }

    /** Routes, commands and the partner's registration disappear once the feature is uninstalled. */
    private void assertPartnerGone() throws Exception {
        String framework = awaitCommand("cqc:framework", out -> out.contains("Command not found"),
                "cqc:framework is no longer a command");
        assertContains(framework, "cqc:framework");
        awaitCommand("safety:partner-list", out -> !out.contains(PARTNER_ID), "safety:partner-list drops "
                + PARTNER_ID);
        awaitHttp(url(PARTNER_URL_BASE + "/framework"), ADMIN, 404);
        assertEquals(404, get(url(PARTNER_URL_BASE + "/gaps/" + PLAN_MEMBER), ADMIN).status());
    }

    /** Waits until an evidence pack ending on {@link #PACK_END} without a start begins on the day given. */
    private void awaitPackStart(String start, Duration within) throws Exception {
        URL pack = url(PARTNER_URL_BASE + "/evidence/" + PLAN_MEMBER + "?to=" + PACK_END);
        awaitHttp(pack, ADMIN, a -> a.status() == 200 && start.equals(packStart(a.body())),
                "has a period starting " + start, within);
    }

    private static String packStart(String json) {
        Matcher matcher = PERIOD_START.matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The bytes at a bundle location (an {@code mvn:} URL resolves inside the container). */
    private static byte[] read(String location) throws IOException {
        try (InputStream in = new URL(location).openStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * The same jar with {@code Bundle-Version} in its manifest replaced: every other entry is copied byte for byte
     * and in order, the manifest keeps its other headers.
     */
    static byte[] withBundleVersion(byte[] jar, Version version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + 1024);
        boolean manifestSeen = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    Manifest manifest = new Manifest(new ByteArrayInputStream(content));
                    assertNotNull("the jar's manifest has a Bundle-Version",
                            manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
                    manifest.getMainAttributes().putValue(Constants.BUNDLE_VERSION, version.toString());
                    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
                    manifest.write(rewritten);
                    content = rewritten.toByteArray();
                    manifestSeen = true;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        assertTrue("the bundle jar has " + JarFile.MANIFEST_NAME, manifestSeen);
        return bytes.toByteArray();
    }

    /**
     * The disturbance watcher and the core traffic loop over one story of a test: started on construction, both
     * stopped by {@link #close()}. {@link #assertUntouched} and {@link #assertNoFailedRequests} are the verdicts.
     */
    private final class Watch implements AutoCloseable {

        private final Map<Long, BundleSnapshot> before;
        private final Disturbances disturbances;
        private final CoreTraffic traffic;
        private final Thread trafficThread;

        Watch(Map<Long, BundleSnapshot> before) throws IOException {
            this.before = Map.copyOf(before);
            this.disturbances = new Disturbances(before);
            context.addBundleListener(disturbances);
            context.addServiceListener(disturbances);
            this.traffic = new CoreTraffic(List.of(url("/api/v1/members/" + TRAFFIC_MEMBER), url("/api/health")));
            this.trafficThread = new Thread(traffic, "core-traffic");
            trafficThread.start();
        }

        void assertUntouched(String step) {
            assertPreExistingBundlesUntouched(step, before, disturbances);
        }

        void assertNoFailedRequests(String during) {
            assertFalse("core traffic thread stopped", trafficThread.isAlive());
            assertEquals("failed core requests during " + during + " (of " + traffic.requests() + ")",
                    List.of(), traffic.failures());
        }

        @Override
        public void close() throws InterruptedException {
            try {
                traffic.stop();
                trafficThread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            } finally {
                context.removeServiceListener(disturbances);
                context.removeBundleListener(disturbances);
            }
        }
    }

    /**
     * No bundle that existed before was refreshed (same wiring object), updated (same last-modified time), restarted
     * or moved between states (no bundle event at all), and no core bundle withdrew a service (a component restart).
     */
    private void assertPreExistingBundlesUntouched(String step, Map<Long, BundleSnapshot> before,
                                                   Disturbances disturbances) {
        List<String> changed = new ArrayList<>();
        for (BundleSnapshot was : before.values()) {
            Bundle now = context.getBundle(was.id());
            if (now == null) {
                changed.add(was.label() + ": uninstalled");
                continue;
            }
            BundleSnapshot is = BundleSnapshot.of(now);
            if (is.state() != was.state()) {
                changed.add(was.label() + ": " + stateName(was.state()) + " -> " + stateName(is.state()));
            }
            if (is.lastModified() != was.lastModified()) {
                changed.add(was.label() + ": updated (last modified " + was.lastModified() + " -> "
                        + is.lastModified() + ")");
            }
            if (is.revision() != was.revision()) {
                changed.add(was.label() + ": new revision");
            }
            if (is.wiring() != was.wiring()) {
                changed.add(was.label() + ": refreshed (new wiring)");
            }
        }
        changed.addAll(disturbances.seen());
        assertEquals(step + " must leave every pre-existing bundle alone; changed:", List.of(), changed);
    }

    // --- bundles -------------------------------------------------------------------------------------------------

    /** One bundle as it was: the wiring and revision are kept as objects, compared by identity. */
    record BundleSnapshot(long id, String name, int state, long lastModified, BundleRevision revision,
                          BundleWiring wiring) {

        static BundleSnapshot of(Bundle bundle) {
            return new BundleSnapshot(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()),
                    bundle.getState(), bundle.getLastModified(), bundle.adapt(BundleRevision.class),
                    bundle.adapt(BundleWiring.class));
        }

        boolean core() {
            return CORE_PREFIXES.stream().anyMatch(name::startsWith);
        }

        String label() {
            return (core() ? "[core] " : "") + name + " (" + id + ")";
        }
    }

    private Map<Long, BundleSnapshot> snapshot() {
        Map<Long, BundleSnapshot> bundles = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            bundles.put(bundle.getBundleId(), BundleSnapshot.of(bundle));
        }
        return bundles;
    }

    /**
     * Waits (on bundle events, up to {@value #SETTLE_SECONDS} s) until no bundle is STARTING or STOPPING, so that the
     * snapshot is not taken while the container is still finishing its boot (Karaf's features core was seen STARTING
     * when the probe began, going ACTIVE during the install).
     */
    private void awaitSettled() throws InterruptedException {
        BlockingQueue<BundleEvent> events = new LinkedBlockingQueue<>();
        BundleListener listener = events::add;
        context.addBundleListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
            List<String> moving = moving();
            while (!moving.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("bundles still starting or stopping after " + SETTLE_SECONDS + " s: " + moving);
                }
                events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                moving = moving();
            }
        } finally {
            context.removeBundleListener(listener);
        }
    }

    /** Bundles in a transition; a lazily activated bundle stays STARTING until first used, so it does not count. */
    private List<String> moving() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getState() == Bundle.STOPPING || (b.getState() == Bundle.STARTING
                        && !String.valueOf(b.getHeaders().get("Bundle-ActivationPolicy")).startsWith("lazy")))
                .map(b -> b.getSymbolicName() + " " + stateName(b.getState()))
                .collect(Collectors.toList());
    }

    private Bundle partnerBundle() {
        return Arrays.stream(context.getBundles()).filter(b -> PARTNER_BUNDLE.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
    }

    /**
     * Every lifecycle event of a pre-existing bundle (delivered synchronously, so none is missed or late) and every
     * service a core bundle withdraws, while the partner comes and goes.
     */
    static final class Disturbances implements SynchronousBundleListener, ServiceListener {

        private final Map<Long, BundleSnapshot> watched;
        private final List<String> seen = new CopyOnWriteArrayList<>();

        Disturbances(Map<Long, BundleSnapshot> watched) {
            this.watched = Map.copyOf(watched);
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            BundleSnapshot bundle = watched.get(event.getBundle().getBundleId());
            if (bundle != null) {
                seen.add(bundle.label() + ": bundle event " + bundleEventName(event.getType()));
            }
        }

        @Override
        public void serviceChanged(ServiceEvent event) {
            if (event.getType() != ServiceEvent.UNREGISTERING) {
                return;
            }
            ServiceReference<?> reference = event.getServiceReference();
            Bundle owner = reference.getBundle();
            BundleSnapshot bundle = owner == null ? null : watched.get(owner.getBundleId());
            if (bundle != null && bundle.core()) {
                seen.add(bundle.label() + ": withdrew service "
                        + Arrays.toString((String[]) reference.getProperty("objectClass")));
            }
        }

        List<String> seen() {
            return List.copyOf(seen);
        }
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + state;
        }
    }

    static String bundleEventName(int type) {
        switch (type) {
            case BundleEvent.INSTALLED: return "INSTALLED";
            case BundleEvent.STARTED: return "STARTED";
            case BundleEvent.STOPPED: return "STOPPED";
            case BundleEvent.UPDATED: return "UPDATED";
            case BundleEvent.UNINSTALLED: return "UNINSTALLED";
            case BundleEvent.RESOLVED: return "RESOLVED";
            case BundleEvent.UNRESOLVED: return "UNRESOLVED";
            case BundleEvent.STARTING: return "STARTING";
            case BundleEvent.STOPPING: return "STOPPING";
            case BundleEvent.LAZY_ACTIVATION: return "LAZY_ACTIVATION";
            default: return "type " + type;
        }
    }

    // --- console -------------------------------------------------------------------------------------------------

    /**
     * Runs a command until its output satisfies the condition, waiting for the next service event (partners, their
     * commands and routes arrive and leave as services) or 200 ms between tries; fails with the last output after
     * {@value #DEADLINE_SECONDS} s. A command the shell does not know answers "Command not found: scope:name".
     */
    private String awaitCommand(String command, Predicate<String> done, String what) throws Exception {
        BlockingQueue<ServiceEvent> events = new LinkedBlockingQueue<>();
        ServiceListener listener = events::add;
        context.addServiceListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            String out = attempt(command);
            while (!done.test(out)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail(what + " within " + DEADLINE_SECONDS + " s; last output of " + command + ":\n" + out);
                }
                events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                out = attempt(command);
            }
            return out;
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /** The command's output, or the message of the error the session raised (an unknown command throws). */
    private String attempt(String command) throws Exception {
        try {
            return execute(command);
        } catch (PrivilegedActionException e) {
            Throwable cause = e.getException();
            return "Error: " + cause.getClass().getName() + ": " + cause.getMessage();
        } catch (IllegalArgumentException e) {
            return "Error: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    // --- HTTP ----------------------------------------------------------------------------------------------------

    static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    record Answer(int status, String contentType, String body, String retryAfter) {
    }

    static URL url(String path) throws IOException {
        return new URL("http://localhost:" + System.getProperty("safety.http.port") + path);
    }

    static Answer get(URL url, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        try {
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, connection.getContentType(), body, connection.getHeaderField("Retry-After"));
        } finally {
            connection.disconnect();
        }
    }

    /** The answer, or status -1 with the error as its body (so a poll can go on through a dropped connection). */
    private static Answer attemptGet(URL url, String authorization) {
        try {
            return get(url, authorization);
        } catch (IOException e) {
            return new Answer(-1, null, e.toString(), null);
        }
    }

    /** GETs until the wanted status, waiting for the next service event or 200 ms between tries. */
    private Answer awaitHttp(URL url, String authorization, int status) throws Exception {
        return awaitHttp(url, authorization, a -> a.status() == status, "answers " + status,
                Duration.ofSeconds(DEADLINE_SECONDS));
    }

    /**
     * GETs until the answer satisfies the condition, waiting for the next service event or {@value #POLL_MILLIS} ms
     * between tries (an I/O error counts as an unsatisfying answer); fails with the last answer at the deadline.
     */
    private Answer awaitHttp(URL url, String authorization, Predicate<Answer> done, String what, Duration within)
            throws Exception {
        BlockingQueue<ServiceEvent> events = new LinkedBlockingQueue<>();
        ServiceListener listener = events::add;
        context.addServiceListener(listener);
        try {
            long deadline = System.nanoTime() + within.toNanos();
            Answer answer = attemptGet(url, authorization);
            while (!done.test(answer)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("GET " + url + " " + what + " within " + within.toMillis() + " ms; last answer "
                            + answer.status() + " " + answer.body());
                }
                events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS);
                answer = attemptGet(url, authorization);
            }
            return answer;
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /**
     * Anonymous core requests in a loop, round robin over the URLs, about 50 a second, until stopped. Anything but a
     * 200 (or an I/O error) is a failure, kept with what it was.
     */
    static final class CoreTraffic implements Runnable {

        private final List<URL> urls;
        private final CountDownLatch stop = new CountDownLatch(1);
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final Object lock = new Object();
        private int requests;

        CoreTraffic(List<URL> urls) {
            this.urls = List.copyOf(urls);
        }

        @Override
        public void run() {
            try {
                for (int i = 0; stop.getCount() > 0; i++) {
                    URL url = urls.get(i % urls.size());
                    try {
                        Answer answer = get(url, null);
                        if (answer.status() != 200) {
                            failures.add("GET " + url.getPath() + " -> " + answer.status() + " " + answer.body());
                        }
                    } catch (IOException e) {
                        failures.add("GET " + url.getPath() + " -> " + e);
                    }
                    synchronized (lock) {
                        requests++;
                        lock.notifyAll();
                    }
                    stop.await(20, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("core traffic interrupted");
            }
        }

        int requests() {
            synchronized (lock) {
                return requests;
            }
        }

        /** Waits until at least this many requests were answered (so traffic really ran through a step). */
        void awaitRequests(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            synchronized (lock) {
                while (requests < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        fail("core traffic answered " + requests + " of " + count + " requests within "
                                + DEADLINE_SECONDS + " s");
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            }
        }

        void stop() {
            stop.countDown();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }
    }
}
