package uk.nhs.safety.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerIntegration;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;

/** The campaign core in the built distribution: feature, bundles, services and the safety:* console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SafetyCoreIT extends KarafTestSupport {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void safetyCoreIsInstalledAndNoBundleFailedToStart() throws Exception {
        assertTrue(features().isInstalled(features().getFeature("safety-core")));
        assertTrue(features().isInstalled(features().getFeature("safety-rest")));
        assertTrue(features().isInstalled(features().getFeature("safety-web")));
        assertTrue(features().isInstalled(features().getFeature("safety-auth")));
        List<String> notActive = Arrays.stream(context.getBundles())
                .filter(b -> (b.getState() == Bundle.INSTALLED || b.getState() == Bundle.RESOLVED)
                        && b.getHeaders().get("Fragment-Host") == null)
                .map(b -> b.getSymbolicName() + " " + b.getState())
                .collect(Collectors.toList());
        assertEquals(List.of(), notActive);
        List<String> ours = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                .filter(n -> n.startsWith("uk.nhs.safety.")).sorted().collect(Collectors.toList());
        assertEquals(List.of("uk.nhs.safety.campaign-api", "uk.nhs.safety.campaign-auth",
                "uk.nhs.safety.campaign-console", "uk.nhs.safety.campaign-demo", "uk.nhs.safety.campaign-model",
                "uk.nhs.safety.campaign-rest", "uk.nhs.safety.campaign-web"), ours);
    }

    @Test
    public void consoleImportsTheTrustListAndListsMembersAsATable() throws Exception {
        // etr.csv: 241 trusts, 36 with region letter H (London), counted independently with Python's csv module.
        String imported = execute("safety:member-import " + imported(System.getProperty("etr.csv")));
        assertContains(imported, "241 rows", "241 added");
        assertEquals(241, service(MemberService.class).list(MemberQuery.all()).total());

        String again = execute("safety:member-import " + imported(System.getProperty("etr.csv")));
        assertContains(again, "0 added", "0 updated", "241 unchanged");

        String london = execute("safety:member-list --region London");
        assertContains(london, "ODS", "Name", "RJZ", "36 of 36 members");

        String show = execute("safety:member-show RGT");
        assertContains(show, "CAMBRIDGE UNIVERSITY HOSPITALS", "East of England", "Pledge page: not published");
    }

    @Test
    public void consoleErrorsAreOneClearLine() throws Exception {
        String out = execute("safety:member-show ZZZZZZ");
        assertTrue(out, out.startsWith("Error: "));
        assertEquals(out, 1, out.strip().lines().count());
    }

    @Test
    public void partnerListIsEmptyWithoutPartnerBundles() throws Exception {
        assertEquals(List.of(), service(PartnerRegistry.class).partners());
        assertContains(execute("safety:partner-list"), "Id", "no partner integrations installed");
    }

    @Test
    public void planImportPublishAndMeasuresThroughTheConsolePostEvents() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, CampaignTopics.PREFIX + "*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, props);
        // A partner's subscriber to the durable log hears of the same change, with the same property types.
        BlockingQueue<CampaignEvent> logged = new LinkedBlockingQueue<>();
        ServiceRegistration<CampaignEventSubscriber> subscriber = context.registerService(
                CampaignEventSubscriber.class, new CampaignEventSubscriber() {
                    public String subscriberId() {
                        return "itest-partner";
                    }

                    public Set<String> topics() {
                        return Set.of(CampaignTopics.PLAN_PUBLISHED);
                    }

                    public void onEvent(CampaignEvent event) {
                        logged.add(event);
                    }
                }, null);
        try {
            execute("safety:member-import " + imported(System.getProperty("etr.csv")));
            String plan = imported(System.getProperty("example.plan")).toString();
            assertContains(execute("safety:plan-import RJZ " + plan), "Saved plan for RJZ", "status DRAFT");
            assertContains(execute("safety:plan-publish RJZ"), "Published RJZ plan version 1");
            Event published = nextEvent(events, CampaignTopics.PLAN_PUBLISHED);
            assertEquals(Long.valueOf(1), published.getProperty(CampaignTopics.PLAN_VERSION));
            CampaignEvent fromLog = logged.poll(30, TimeUnit.SECONDS);
            assertTrue("no plan published event from the log within 30 s", fromLog != null);
            assertEquals(CampaignTopics.PLAN_PUBLISHED, fromLog.topic());
            assertEquals("RJZ", fromLog.properties().get(CampaignTopics.ODS_CODE));
            assertEquals(Long.valueOf(1), fromLog.properties().get(CampaignTopics.PLAN_VERSION));
            assertContains(execute("safety:event-subscribers"), "itest-partner", "once per cluster");

            // Importing the same content again leaves the plan as published: there is nothing new to publish.
            execute("safety:plan-import RJZ " + plan);
            assertContains(execute("safety:plan-show RJZ"), "PUBLISHED", "falls-per-1000", "Change idea");
            String again = execute("safety:plan-publish RJZ");
            assertTrue(again, again.startsWith("Error: "));
            assertContains(execute("safety:plan-show --version 1 RJZ"), "Safer care 2015-2018");

            for (int month = 1; month <= 12; month++) {
                execute(String.format("safety:measure-record RJZ falls-per-1000 2016-%02d %s", month,
                        month < 7 ? "1.8" : "1.1"));
            }
            Event recorded = nextEvent(events, CampaignTopics.MEASUREMENT_RECORDED);
            assertEquals("RJZ", recorded.getProperty(CampaignTopics.ODS_CODE));
            assertEquals("falls-per-1000", recorded.getProperty(CampaignTopics.MEASURE_KEY));
            // 6 × 1.8 then 6 × 1.1: mean 1.45, one moving range of 0.7 in 11, limits 1.45 ± 2.66 × 0.7/11.
            assertContains(execute("safety:measure-show RJZ falls-per-1000"), "Mean", "1.45",
                    "limits provisional", "Assurance");
            assertContains(execute("safety:audit --limit 3 RJZ"), "measure.recorded", "admin");

            String bad = execute("safety:measure-record RJZ no-such-measure 2016-01 1");
            assertTrue(bad, bad.startsWith("Error: "));
        } finally {
            subscriber.unregister();
            handler.unregister();
        }
    }

    @Test
    public void partnerRegistryTracksPartnersAsTheyComeAndGo() throws Exception {
        ServiceRegistration<PartnerIntegration> registration = context.registerService(PartnerIntegration.class,
                new PartnerIntegration() {
                    public String id() {
                        return "test-partner";
                    }

                    public String name() {
                        return "Test partner body";
                    }

                    public String version() {
                        return "1.2.3";
                    }

                    public PartnerHealth health() {
                        return new PartnerHealth(PartnerHealth.Status.DEGRADED, "feed is late");
                    }
                }, null);
        try {
            assertContains(execute("safety:partner-list"), "test-partner", "Test partner body", "1.2.3", "DEGRADED",
                    "feed is late");
        } finally {
            registration.unregister();
        }
        assertEquals(List.of(), service(PartnerRegistry.class).partners());
    }

    @Test
    public void dataSurvivesRestartingTheCoreAndTheDatabaseBundles() throws Exception {
        execute("safety:member-import " + imported(System.getProperty("etr.csv")));
        execute("safety:action-add --owner \"Chief Nurse\" RGT 2 \"Weekly learning bulletin for all wards\"");
        List<Bundle> restarted = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("uk.nhs.safety.campaign-model")
                        || b.getSymbolicName().equals("com.h2database"))
                .collect(Collectors.toList());
        assertEquals(2, restarted.size());
        for (Bundle b : restarted) {
            b.stop();
        }
        for (Bundle b : restarted) {
            b.start();
        }
        // the store registers at once and opens the database in the background: "starting" until it is up
        assertEquals("241", await(() -> {
            try {
                return Long.toString(service(MemberService.class).list(MemberQuery.all()).total());
            } catch (StoreUnavailableException e) {
                return e.getMessage();
            }
        }, "241"::equals));
        // the console's commands come back once every service they use is back (the shell extender, asynchronously)
        assertContains(await(() -> {
            try {
                return execute("safety:action-list RGT");
            } catch (Exception e) {
                return e.toString(); // Command not found yet
            }
        }, out -> out.contains("Weekly learning bulletin for all wards")), "Weekly learning bulletin for all wards");
    }

    @Test
    public void partnerRoutesAnswerOverHttpWhileRegisteredAndAreGoneAfterwards() throws Exception {
        String url = "http://localhost:" + System.getProperty("safety.http.port")
                + "/api/v1/partners/test-partner/hello?who=itest";
        ServiceRegistration<PartnerRoutes> routes = context.registerService(PartnerRoutes.class,
                new PartnerRoutes() {
                    public String partnerId() {
                        return "test-partner";
                    }

                    public PartnerResponse handle(uk.nhs.safety.campaign.api.partner.PartnerRequest request) {
                        return PartnerResponse.json(200, "{\"path\":\"" + request.path() + "\",\"who\":\""
                                + request.param("who") + "\",\"caller\":\"" + request.caller() + "\"}");
                    }
                }, null);
        try {
            java.net.HttpURLConnection anonymous = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
            assertEquals(401, anonymous.getResponseCode());
            java.net.HttpURLConnection admin = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
            admin.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("admin:admin".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(200, admin.getResponseCode());
            assertEquals("nosniff", admin.getHeaderField("X-Content-Type-Options"));
            String body = new String(admin.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("{\"path\":\"/hello\",\"who\":\"itest\",\"caller\":\"admin\"}", body);
        } finally {
            routes.unregister();
        }
        java.net.HttpURLConnection gone = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
        gone.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:admin".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(404, gone.getResponseCode());
    }

    /**
     * The service as registered now (core services come and go when bundles restart, so no test keeps one), waiting
     * up to 30 s for it to be registered.
     */
    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " not registered within 30 s");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    private static Event nextEvent(BlockingQueue<Event> events, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e != null && e.getTopic().equals(topic)) {
                return e;
            }
        }
        throw new AssertionError("no " + topic + " event within 30 s");
    }

}
