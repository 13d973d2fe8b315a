package uk.nhs.safety.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static uk.nhs.safety.itests.NhslaIT.ADMIN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The CQC partner with CQC's own data, in a running container: provider JSON imported through the console and a page
 * of locations through the API link members to CQC ids, the current key-question ratings show beside the evidence
 * (console and JSON), a bad record imports nothing, a per-item override moves an action to another statement, the
 * NHS LA partner's claims evidence appears in the pack naming its source, and a bulk export writes one pack per
 * member with a progress line each.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CqcIT extends KarafTestSupport {

    static final String BASE = "/api/v1/partners/cqc";
    static final String PROVIDER = "{\"providerId\":\"RJZ\",\"name\":\"King's College Hospital NHS Foundation Trust\","
            + "\"odsCode\":\"RJZ\",\"registrationStatus\":\"Registered\",\"region\":\"London\",\"unusedField\":[1,2],"
            + "\"currentRatings\":{\"overall\":{\"rating\":\"Requires improvement\",\"reportDate\":\"2019-01-15\","
            + "\"keyQuestionRatings\":[{\"name\":\"Safe\",\"rating\":\"Requires improvement\",\"reportDate\":\"2019-01-15\"},"
            + "{\"name\":\"Effective\",\"rating\":\"Good\"},{\"name\":\"Caring\",\"rating\":\"Outstanding\"},"
            + "{\"name\":\"Responsive\",\"rating\":\"Requires improvement\"},{\"name\":\"Well-led\",\"rating\":\"Good\"}]}}}";
    static final String LOCATIONS = "{\"page\":1,\"perPage\":2,\"totalPages\":1,\"locations\":["
            + "{\"locationId\":\"1-111\",\"providerId\":\"RJZ\",\"name\":\"King's College Hospital\",\"odsCode\":\"RJZ01\"},"
            + "{\"locationId\":\"1-112\",\"providerId\":\"RJZ\",\"name\":\"Princess Royal University Hospital\","
            + "\"odsCode\":\"RJZ30\"}]}";


    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void cqcDataRatingsOverridesPartnerEvidenceAndBulkExportWorkInTheContainer() throws Exception {
        assertContains(execute("safety:member-import " + imported(System.getProperty("etr.csv"))), "241 rows");
        assertContains(execute("safety:plan-import RJZ " + imported(System.getProperty("example.plan"))),
                "Saved");
        assertContains(execute("safety:plan-publish RJZ"), "Published");
        assertContains(execute("safety:action-add --status planned --owner \"Chief Nurse\" RJZ 1"
                + " \"Publish our falls goal\""), "RJZ");
        String actionId = execute("safety:action-list RJZ").lines().filter(l -> l.contains("Publish our falls goal"))
                .map(l -> l.split("\\|")[0].trim()).findFirst().orElseThrow();
        assertContains(execute("safety:action-publish RJZ " + actionId), "ublished");
        features().installFeature("safety-partner-cqc");
        features().installFeature("safety-partner-nhsla");

        // Provider JSON through the console, a page of locations through the API.
        Path provider = importFile("cqc-provider", ".json");
        Files.writeString(provider, PROVIDER);
        String imported = await(() -> execute("cqc:import " + provider), out -> out.contains("Created"));
        assertContains(imported, "Read", "1");
        String page = await(() -> http("POST", BASE + "/providers", ADMIN, "application/json", LOCATIONS),
                a -> a.startsWith("200"));
        assertContains(page, "\"created\" : 2");
        assertContains(http("GET", BASE + "/registrations/RJZ", ADMIN, null, null), "1-111", "1-112", "RJZ01");

        // A bad record: nothing imported, the error names the field and the value.
        Path bad = importFile("cqc-bad", ".json");
        Files.writeString(bad, "[{\"providerId\":\"RGT\",\"name\":\"ok\",\"odsCode\":\"RGT\"},"
                + "{\"providerId\":\"RDE\",\"name\":\"x\",\"odsCode\":\"RDE\",\"currentRatings\":{\"overall\":"
                + "{\"rating\":\"Brilliant\"}}}]");
        assertContains(execute("cqc:import " + bad), "[1].currentRatings.overall.rating 'Brilliant'",
                "nothing was imported");
        assertContains(http("GET", BASE + "/registrations/RGT", ADMIN, null, null), "200 [ ]");

        // Ratings beside the evidence: in the console and in the JSON pack.
        String summary = execute("cqc:evidence RJZ");
        assertContains(summary, "CQC rating", "CQC:       provider RJZ", "overall Requires improvement (2019-01-15)");
        assertTrue(summary, summary.lines().anyMatch(l -> l.startsWith("Caring") && l.contains("Outstanding")));
        String pack = http("GET", BASE + "/evidence/RJZ", ADMIN, null, null);
        assertContains(pack, "\"currentRating\" : {", "\"rating\" : \"Requires improvement\"");

        // The NHS LA partner's claims-linkage evidence arrives in the pack, naming its source.
        Path claims = importFile("claims", ".csv");
        Files.writeString(claims, NhslaIT.CONSOLE_FILE);
        await(() -> execute("nhsla:import " + claims), out -> out.contains("Created"));
        assertContains(http("GET", BASE + "/evidence/RJZ?format=csv&from=2014-04-01", ADMIN, null, null), "claims-linkage",
                ",nhsla");

        // A per-item override: the action now evidences Safeguarding only.
        assertContains(execute("cqc:map RJZ action " + actionId + " safe.safeguarding"),
                "Mapped action " + actionId + " of RJZ to safe.safeguarding");
        assertContains(execute("cqc:map RJZ action " + actionId + " safe.nonsense"),
                "statements 'safe.nonsense': not a quality statement");
        String gaps = http("GET", BASE + "/gaps/RJZ", ADMIN, null, null);
        assertTrue(gaps, !gaps.contains("safe.safeguarding"));
        assertContains(execute("cqc:map RJZ"), "action", actionId, "safe.safeguarding", "admin");

        // Bulk export: one pack per member listed, a progress line each.
        Path dir = Files.createTempDirectory(exportFolder(), "cqc-bulk");
        String bulk = execute("cqc:evidence-bulk --out " + dir + " --format json RJZ RGT XYZ");
        assertContains(bulk, "[1/3] RJZ cqc-evidence-RJZ-", "[2/3] RGT", "[3/3] XYZ FAILED: no member with ODS code XYZ",
                "Wrote 2 evidence pack(s)");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(names.toString(), 2, names.size());
            assertTrue(names.toString(), names.get(0).startsWith("cqc-evidence-RGT-") && names.get(0).endsWith(".json"));
        }
        // The same over HTTP: one ZIP (its bytes start "PK"), failures named inside.
        assertTrue(http("GET", BASE + "/evidence?members=RJZ,RGT&format=json", ADMIN, null, null)
                .startsWith("200 PK"));
        features().uninstallFeature("safety-partner-nhsla");
        features().uninstallFeature("safety-partner-cqc");
    }

}
