package uk.nhs.safety.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The point of the platform: the CQC partner feature is installed into and uninstalled from a running container
 * while core serves HTTP requests, and no bundle that was there before is refreshed, restarted or changed.
 *
 * <p>One test method, because the steps are one story (before → install → serve → uninstall → after) on one
 * container. Feature install is the plain {@link FeaturesService#installFeature(String)} an operator's
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

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void partnerFeatureComesAndGoesWhileCoreServesWithoutRefreshingOrRestartingAnyBundle() throws Exception {
        importTrustsAndPublishAPlan();
        Feature feature = features.getFeature(FEATURE);
        assertNotNull("feature " + FEATURE + " is not in the distribution's features repository", feature);
        assertFalse(FEATURE + " must not be installed before the test installs it", features.isInstalled(feature));
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

        Disturbances disturbances = new Disturbances(before);
        context.addBundleListener(disturbances);
        context.addServiceListener(disturbances);
        CoreTraffic traffic = new CoreTraffic(List.of(url("/api/v1/members/" + TRAFFIC_MEMBER), url("/api/health")));
        Thread trafficThread = new Thread(traffic, "core-traffic");
        trafficThread.start();
        try {
            traffic.awaitRequests(2);

            // --- install, as an operator's feature:install does (auto-refresh on) --------------------------------
            features.installFeature(FEATURE);
            assertPreExistingBundlesUntouched("feature:install " + FEATURE, before, disturbances);
            Bundle partner = partnerBundle();
            assertNotNull(PARTNER_BUNDLE + " installed by the feature", partner);
            assertEquals(PARTNER_BUNDLE + " state", stateName(Bundle.ACTIVE), stateName(partner.getState()));
            assertPartnerServes();
            traffic.awaitRequests(traffic.requests() + 2);
            assertPreExistingBundlesUntouched("serving with " + FEATURE + " installed", before, disturbances);

            // --- uninstall ----------------------------------------------------------------------------------------
            features.uninstallFeature(FEATURE);
            assertNull(PARTNER_BUNDLE + " is gone after feature:uninstall", partnerBundle());
            assertFalse(features.isInstalled(features.getFeature(FEATURE)));
            assertPartnerGone();
            assertPreExistingBundlesUntouched("feature:uninstall " + FEATURE, before, disturbances);
            traffic.awaitRequests(traffic.requests() + 2);
        } finally {
            traffic.stop();
            trafficThread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            context.removeServiceListener(disturbances);
            context.removeBundleListener(disturbances);
        }
        assertFalse("core traffic thread stopped", trafficThread.isAlive());
        assertEquals("failed core requests during install and uninstall (of " + traffic.requests() + ")",
                List.of(), traffic.failures());
        assertEquals("core answers after the partner left", 200, get(url("/api/v1/members/" + TRAFFIC_MEMBER), null)
                .status());
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    /** Core data the partner reads (the trust list, RJZ's published plan), through the console like an operator. */
    private void importTrustsAndPublishAPlan() throws Exception {
        assertContains(execute("safety:member-import " + System.getProperty("etr.csv")), "241 rows");
        assertContains(execute("safety:plan-import " + PLAN_MEMBER + " " + System.getProperty("example.plan")),
                "Saved plan for " + PLAN_MEMBER);
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

    private static void assertContains(String actual, String... parts) {
        for (String part : parts) {
            assertTrue("expected \"" + part + "\" in:\n" + actual, actual.contains(part));
        }
    }

    // --- HTTP ----------------------------------------------------------------------------------------------------

    static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    record Answer(int status, String contentType, String body) {
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
            return new Answer(status, connection.getContentType(), body);
        } finally {
            connection.disconnect();
        }
    }

    /** GETs until the wanted status, waiting for the next service event or 200 ms between tries. */
    private Answer awaitHttp(URL url, String authorization, int status) throws Exception {
        BlockingQueue<ServiceEvent> events = new LinkedBlockingQueue<>();
        ServiceListener listener = events::add;
        context.addServiceListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            Answer answer = get(url, authorization);
            while (answer.status() != status) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("GET " + url + " answers " + status + " within " + DEADLINE_SECONDS + " s; last answer "
                            + answer.status() + " " + answer.body());
                }
                events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                answer = get(url, authorization);
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
