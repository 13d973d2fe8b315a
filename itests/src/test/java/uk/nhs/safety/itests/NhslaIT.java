package uk.nhs.safety.itests;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Predicate;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The NHS LA partner in a running container: its feature is installed on demand, a claims file is imported through
 * the console and another through the API, the profile, linkage and a bid assessment answer from them, a file with
 * one bad row imports nothing, and claims are never readable anonymously.
 *
 * <p>The data (member RJZ, whose published example plan names falls and deteriorating-patient), worked by hand:
 * five claims notified in 2014/15: one obstetric claim settled for £1,000,000 damages (+ £50,000 + £100,000 costs),
 * three nursing falls settled for £10,000 each (+ £1,000 + £2,000 costs), one dental claim closed with £100 defence
 * costs. By count (80% cumulative rule): nursing 3 of 5 (60%), then the tie at 1 between Dental and Obstetrics goes
 * to Dental by name: high-volume Nursing, Dental. By value: obstetrics £1,150,000 of £1,189,100 (96.7%): high-value
 * Obstetrics. Linkage: nursing|fall maps to falls, which the plan names (addressed); obstetrics maps to maternity,
 * which it does not. A bid naming Nursing for 400,000 of a 5,000,000 contribution (8%) is approved.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NhslaIT extends KarafTestSupport {

    static final String MEMBER = "RJZ";
    static final String BASE = "/api/v1/partners/nhsla";
    static final String HEADER = "claim_reference,ods_code,scheme,specialty,cause,injury,incident_date,"
            + "notification_date,status,damages_paid,defence_costs,claimant_costs\n";
    static final String CONSOLE_FILE = HEADER
            + "IT/1,RJZ,CNST,Obstetrics,Intraoperative Problems,Brain Damage,2013-03-01,2014-06-01,settled,"
            + "1000000,50000,100000\n"
            + "IT/2,RJZ,CNST,Nursing,Fall,Fracture,2014-01-01,2014-06-01,settled,10000,1000,2000\n"
            + "IT/3,RJZ,CNST,Nursing,Fall,Fracture,2014-01-02,2014-06-01,settled,10000,1000,2000\n";
    static final String API_FILE = HEADER
            + "IT/4,RJZ,CNST,Nursing,Fall,Fracture,2014-01-03,2014-06-01,settled,10000,1000,2000\n"
            + "IT/5,RJZ,CNST,Dental,Other,Pain,2014-01-04,2014-06-01,closed,,100,\n";
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin"
            .getBytes(StandardCharsets.UTF_8));


    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void importsThroughConsoleAndApiThenProfilesLinksAndAssessesAndRefusesABadFileWhole() throws Exception {
        assertContains(execute("safety:member-import " + imported(System.getProperty("etr.csv"))), "241 rows");
        assertContains(execute("safety:plan-import " + MEMBER + " " + imported(System.getProperty("example.plan"))),
                "Saved");
        assertContains(execute("safety:plan-publish " + MEMBER), "Published");
        features().installFeature("safety-partner-nhsla");

        Path file = importFile("claims", ".csv");
        Files.writeString(file, CONSOLE_FILE);
        String imported = awaitCommand("nhsla:import " + file, out -> out.contains("Created"));
        assertContains(imported, "3", "Rejected");

        String report = await(() -> http("POST", BASE + "/claims", ADMIN, API_FILE), a -> a.startsWith("200"));
        assertContains(report, "\"created\" : 2", "\"rejected\" : 0");

        String profile = http("GET", BASE + "/profile/" + MEMBER + "?from=2010&to=2014", ADMIN, null);
        assertContains(profile, "200", "\"claims\" : 5", "\"highVolume\" : [ \"Nursing\", \"Dental\" ]",
                "\"highValue\" : [ \"Obstetrics\" ]", "smallest set of specialties");
        assertContains(execute("nhsla:linkage --from 2010 --to 2014 " + MEMBER), "Nursing", "falls", "yes",
                "Obstetrics", "maternity", "NO");
        assertContains(execute("nhsla:bid-assess --year 2014 " + MEMBER + " 5000000 600000 Nursing"), "REJECTED",
                "more than 10%");
        // A new bid for the same year replaces the rejected one.
        assertContains(execute("nhsla:bid-assess " + MEMBER + " 5000000 400000 Nursing"), "APPROVED");
        assertContains(execute("nhsla:allocation --year 2014"), MEMBER, "funded");

        // One bad row: nothing imported, the good row before it included; the error names line, column and value.
        Path bad = importFile("bad", ".csv");
        Files.writeString(bad, HEADER
                + "IT/6,RJZ,CNST,Nursing,Fall,Fracture,2014-01-05,2014-06-01,settled,10000,1000,2000\n"
                + "IT/7,RJZ,CNST,Nursing,Fall,Fracture,2014-01-06,2014-06-01,settled,ten,1000,2000\n");
        assertContains(execute("nhsla:import " + bad), "line 3, damages_paid 'ten'", "nothing was imported");
        assertContains(http("GET", BASE + "/profile/" + MEMBER + "?from=2010&to=2014", ADMIN, null),
                "\"claims\" : 5");

        // Never anonymous; a member's summary only for itself (admin here).
        assertTrue(http("GET", BASE + "/profile/" + MEMBER, null, null).startsWith("401"));
        assertTrue(http("GET", BASE + "/members/" + MEMBER + "/summary", null, null).startsWith("401"));
        assertTrue(http("GET", BASE + "/members/" + MEMBER + "/summary?from=2010&to=2014", ADMIN, null)
                .startsWith("200"));
        features().uninstallFeature("safety-partner-nhsla");
    }

    private String awaitCommand(String command, Predicate<String> done) throws Exception {
        return await(() -> execute(command), done);
    }

}
