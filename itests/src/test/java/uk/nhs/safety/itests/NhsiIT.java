package uk.nhs.safety.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The NHS Improvement partner in a running container: its feature is installed on demand, incident counts are
 * imported through the console and the API, a member's harm series, its alignment and the national roll-up answer
 * from them over HTTP and in the console, a file with one bad row imports nothing, the roll-up is public but member
 * data is not, and uninstalling leaves core answering with none of its bundles refreshed.
 *
 * <p>The data, worked by hand. Member RJZ (King's College Hospital, postcode SE5: South London collaborative),
 * acute, whose published example plan names falls and deteriorating-patient, nothing on maternity.
 * Console file: 2013-04 maternity moderate 4, patient-accident death 1, medication no harm 100; 2014-04 maternity
 * moderate 2. API file: 2015-04 maternity moderate 1, patient-accident severe 2.
 * Moderate-or-worse by month: 2013-04 = 4 + 1 = 5; 2014-04 = 2; 2015-04 = 1 + 2 = 3.
 * Alignment: the window is the 12 months up to 2015-04 (2014-05 to 2015-04), holding 1 maternity incident, at the
 * trigger of 1, so maternity is expected of RJZ and its plan does not address it: a gap.
 * Harm reduction: baseline (2013-04 to 2014-03) 5 a month; window 3 a month; (5 - 3) / 5 = 40.0 %.
 * Lives saved: baseline deaths 1, severe 0 a month. 2014-04: deaths 0 (1 avoided), severe 0 (0);
 * 2015-04: deaths 0 (1 avoided), severe 2 (-2). 1.0 x 2 + 0.1 x (-2) = 1.8.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NhsiIT extends KarafTestSupport {

    static final String MEMBER = "RJZ";
    static final String BASE = "/api/v1/partners/nhsi";
    static final String HEADER = "ods_code,month,category,degree_of_harm,count\n";
    static final String CONSOLE_FILE = HEADER
            + "RJZ,2013-04,maternity,moderate,4\n"
            + "RJZ,2013-04,patient-accident,death,1\n"
            + "RJZ,2013-04,medication,no harm,100\n"
            + "RJZ,2014-04,maternity,moderate,2\n";
    static final String API_FILE = HEADER
            + "RJZ,2015-04,maternity,moderate,1\n"
            + "RJZ,2015-04,Patient accident (including falls),severe,2\n";
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin"
            .getBytes(StandardCharsets.UTF_8));

    /** The roll-up's "plans published" headline with the given value, in its JSON. */
    static final IntFunction<Pattern> PLANS_PUBLISHED = n -> Pattern.compile("\"key\" : \"plans-published\","
            + "\\s*\"label\" : \"Plans published\",\\s*\"value\" : " + n + "\\b");


    static final String RJZ_EDITOR = "Basic " + Base64.getEncoder().encodeToString("rjz-editor:rjz-editor-secret"
            .getBytes(StandardCharsets.UTF_8));

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(baseOptions(), editConfigurationFilePut("etc/users.properties", "rjz-editor",
                "rjz-editor-secret,member-editor,member:RJZ"));
    }

    @Test
    public void importsIncidentsAlignsPlansRollsUpNationallyAndLeavesCoreIntactOnUninstall() throws Exception {
        assertContains(execute("safety:member-import " + imported(System.getProperty("etr.csv"))), "241 rows");
        assertContains(execute("safety:plan-import " + MEMBER + " " + imported(System.getProperty("example.plan"))),
                "Saved");
        assertContains(execute("safety:plan-publish " + MEMBER), "Published");
        Map<Long, String> before = snapshot();
        List<String> stopped = new CopyOnWriteArrayList<>();
        BundleListener stops = e -> {
            if (before.containsKey(e.getBundle().getBundleId()) && (e.getType() == BundleEvent.STOPPED
                    || e.getType() == BundleEvent.UNRESOLVED || e.getType() == BundleEvent.UPDATED)) {
                stopped.add(e.getBundle().getSymbolicName() + " event " + e.getType());
            }
        };
        bundleContext.addBundleListener(stops);
        features().installFeature("safety-partner-nhsi");
        assertUntouched("install", before);

        Path file = importFile("incidents", ".csv");
        Files.writeString(file, CONSOLE_FILE);
        String imported = awaitCommand("nhsi:incidents-import " + file, out -> out.contains("Created"));
        assertContains(imported, "4", "Rejected");

        String report = await(() -> http("POST", BASE + "/incidents", ADMIN, API_FILE), a -> a.startsWith("200"));
        assertContains(report, "\"created\" : 2", "\"rejected\" : 0");

        String harm = http("GET", BASE + "/members/" + MEMBER + "/harm", ADMIN, null);
        assertContains(harm, "200", "\"period\" : \"2013-04\"", "\"moderateOrWorse\" : 5", "\"moderateOrWorse\" : 2",
                "\"moderateOrWorse\" : 3", "\"spc\"", "\"upperLimit\"");
        assertContains(execute("nhsi:harm " + MEMBER), "2013-04", "2015-04", "provisional");

        String alignment = http("GET", BASE + "/alignment/" + MEMBER, ADMIN, null);
        assertContains(alignment, "200", "\"key\" : \"south-london\"", "1 incident(s) in maternity (trigger 1)",
                "focus area falls");
        assertContains(execute("nhsi:alignment " + MEMBER), "maternity-neonatal", "NO (gap)",
                "South London Patient Safety Collaborative", "postcode area SE");
        assertContains(execute("nhsi:gaps"), "maternity-neonatal", "241 active members, 1 with a published plan");

        // The national roll-up is public.
        String national = http("GET", BASE + "/national", null, null);
        assertContains(national, "200", "\"catalogueVersion\" : \"2023.1\"", "\"label\" : \"Members signed up\"",
                "\"value\" : 241", "\"key\" : \"harm-reduction\"", "\"value\" : 40.0", "\"value\" : 1.8",
                "\"key\" : \"moderate-harm\"", "\"improvement\" : \"down\"", "\"livesSaved\"", "\"assumptions\"");
        assertContains(execute("nhsi:national"), "Members signed up", "241", "40.0", "1.8", "moderate-harm");
        assertContains(http("GET", BASE + "/national?format=csv", null, null), "200 section,key,label",
                "headline,lives-saved");

        // The roll-up is kept (10 minutes at most), but a plan published drops it at once: the partner's EVERY_NODE
        // subscriber hears of it from the durable event log. 1 plan published (RJZ's) becomes 2 with RGT's.
        assertTrue(PLANS_PUBLISHED.apply(1).matcher(http("GET", BASE + "/national", null, null)).find());
        assertContains(execute("safety:plan-import RGT " + imported(System.getProperty("example.plan"))), "Saved");
        assertContains(execute("safety:plan-publish RGT"), "Published");
        await(Duration.ofSeconds(5), () -> http("GET", BASE + "/national", null, null),
                json -> PLANS_PUBLISHED.apply(2).matcher(json).find());
        assertContains(execute("safety:event-subscribers"), "nhsi-national-rollup", "every node");
        assertContains(execute("safety:event-list --limit 5"), "plan/PUBLISHED", "odsCode=RGT", "planVersion=1");
        assertContains(http("GET", BASE + "/catalogue", null, null), "200", "Wrong site surgery");
        assertContains(execute("nhsi:catalogue --show never-events"), "Undetected oesophageal intubation",
                "16 Never Events, 15 Patient Safety Collaboratives");

        // Core's generic import and export run the partner's importer and exporters too.
        Path again = importFile("again", ".csv");
        Files.writeString(again, API_FILE);
        assertContains(execute("safety:import nhsi-incidents " + again), "nhsi-incidents: 2 rows read");
        Path table = Files.createTempFile(exportFolder(), "alignment", ".csv");
        assertContains(execute("safety:export --format csv --out " + table + " nhsi-alignment"), table.toString());
        String csv = Files.readString(table);
        assertContains(csv, "ods_code,name,type,region,collaborative", "RJZ,KING'S COLLEGE HOSPITAL NHS FOUNDATION"
                + " TRUST,acute,London,south-london,published,1,2023.1,maternity-neonatal,true,true,1 incident(s) in"
                + " maternity (trigger 1),false,");

        // One bad row: nothing imported, the good row before it included; the error names line, column and value.
        Path bad = importFile("bad", ".csv");
        Files.writeString(bad, HEADER + "RJZ,2015-05,maternity,moderate,9\nRJZ,2015-05,medication,fatal,1\n");
        assertContains(execute("nhsi:incidents-import " + bad), "line 3, degree_of_harm 'fatal'",
                "nothing was imported");
        String after = http("GET", BASE + "/members/" + MEMBER + "/harm", ADMIN, null);
        assertTrue("2015-05 must not have been imported:\n" + after, !after.contains("2015-05"));

        // Member data never anonymous; a member's editor reads its own member's, not another's, nor the table.
        assertTrue(http("GET", BASE + "/members/" + MEMBER + "/harm", null, null).startsWith("401"));
        assertTrue(http("GET", BASE + "/alignment", null, null).startsWith("401"));
        assertContains(http("GET", BASE + "/members/" + MEMBER + "/harm", RJZ_EDITOR, null), "200",
                "\"moderateOrWorse\" : 5");
        assertContains(http("GET", BASE + "/members/RGT/harm", RJZ_EDITOR, null), "403",
                "rjz-editor may not read the incident data of RGT",
                "\"type\":\"https://signuptosafety.nhs.uk/problems/forbidden\"");
        assertTrue(http("GET", BASE + "/alignment", RJZ_EDITOR, null).startsWith("403"));

        Map<Long, String> installed = snapshot();
        features().uninstallFeature("safety-partner-nhsi");
        Map<Long, String> remaining = new LinkedHashMap<>(installed);
        remaining.keySet().retainAll(before.keySet());
        assertUntouched("uninstall", remaining);
        bundleContext.removeBundleListener(stops);
        assertEquals("no pre-existing bundle was stopped, unresolved or updated", List.of(), stopped);
        assertEquals("core answers after the partner left", 200,
                status(http("GET", "/api/v1/members/" + MEMBER, ADMIN, null)));
        assertEquals("the partner's routes are gone", 404, status(await(() -> http("GET", BASE + "/national", ADMIN,
                null), a -> a.startsWith("404"))));
    }

    /**
     * Each bundle's state, last-modified time and wiring identity. A lazily activated bundle still STARTING counts
     * as ACTIVE: finishing its own start is not a disturbance (a restart would pass through STOPPING and RESOLVED,
     * and a refresh gives it a new wiring).
     */
    private Map<Long, String> snapshot() {
        Map<Long, String> bundles = new LinkedHashMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            int state = b.getState() == Bundle.STARTING ? Bundle.ACTIVE : b.getState();
            bundles.put(b.getBundleId(), b.getSymbolicName() + " state " + state + " modified "
                    + b.getLastModified() + " wiring " + System.identityHashCode(wiring));
        }
        return bundles;
    }

    /** No bundle that existed before was refreshed (new wiring), updated, restarted or removed. */
    private void assertUntouched(String step, Map<Long, String> before) {
        Map<Long, String> now = snapshot();
        List<String> changed = new ArrayList<>();
        before.forEach((id, was) -> {
            if (!was.equals(now.get(id))) {
                changed.add(was + " -> " + now.get(id));
            }
        });
        assertEquals(step + " must leave every pre-existing bundle alone", List.of(), changed);
    }

    private static int status(String exchange) {
        return Integer.parseInt(exchange.substring(0, 3));
    }

    private String awaitCommand(String command, Predicate<String> done) throws Exception {
        return await(() -> execute(command), done);
    }
}
