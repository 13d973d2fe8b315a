package uk.nhs.safety.partner.cqc.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.FakeCampaign;
import uk.nhs.safety.partner.cqc.internal.Fixtures;
import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.partner.testkit.FolderFileArea;

class CqcCommandsTest {

    @TempDir
    Path dir;

    private final FakeCampaign campaign = Fixtures.campaign();
    private final CqcEvidenceService service = Fixtures.service(campaign, "2023");

    private FrameworkCommand framework() {
        FrameworkCommand c = new FrameworkCommand();
        c.evidence = service;
        return c;
    }

    private EvidenceCommand evidence(String ods, String from, String to, String out) {
        EvidenceCommand c = new EvidenceCommand();
        c.evidence = service;
        c.files = new FolderFileArea(dir);
        c.ods = ods;
        c.from = from;
        c.to = to;
        c.out = out;
        return c;
    }

    private GapsCommand gaps(String ods, String from, String to) {
        GapsCommand c = new GapsCommand();
        c.evidence = service;
        c.ods = ods;
        c.from = from;
        c.to = to;
        return c;
    }

    @Test
    void frameworkListsEveryStatementUnderItsKeyQuestion() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(framework());

        assertThat(output.err()).isEmpty();
        assertThat(output.rows().get(0)).containsExactly("Key question", "Id", "Quality statement");
        List<List<String>> statements = output.rows().subList(1, output.rows().size());
        assertThat(statements).hasSize(34);
        assertThat(statements).filteredOn(r -> r.get(0).equals("Well-led")).hasSize(8);
        assertThat(output.row(1, "safe.medicines-optimisation")).get()
                .isEqualTo(List.of("Safe", "safe.medicines-optimisation", "Medicines optimisation"));
        assertThat(output.outLines()).last().asString().startsWith("5 key questions, 34 quality statements.");
    }

    @Test
    void evidenceSummarisesItemsAndGapsPerStatement() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(evidence("rgt", "2024-12-01", "2025-03-31", null));

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines()).startsWith("Member:    RGT Cambridge University Hospitals NHS Foundation Trust",
                "Period:    2024-12-01 to 2025-03-31", "Framework: CQC 2023",
                "Plan:      published version 2 (falls, medication-safety)");
        assertThat(output.rows().get(0)).containsExactly("Key question", "CQC rating", "Statement", "Items", "Gap");
        // Actions 1 (pledge 1) and 3 (pledge 3) both evidence Learning culture; no CQC data imported: no rating.
        assertThat(output.row(2, "Learning culture")).get()
                .isEqualTo(List.of("Safe", "", "Learning culture", "2", ""));
        // Six plan items: three drivers/ideas and three measures.
        assertThat(output.row(2, "Medicines optimisation")).get()
                .isEqualTo(List.of("Safe", "", "Medicines optimisation", "6", ""));
        assertThat(output.row(2, "Safeguarding")).get().isEqualTo(List.of("Safe", "", "Safeguarding", "0", "gap"));
        assertThat(output.outLines()).last()
                .isEqualTo("8 of 34 quality statements evidenced, 26 gaps, 0 unmapped items");
    }

    @Test
    void evidenceWritesTheJsonPackToOut() throws Exception {
        Path file = dir.resolve("rgt.json");

        ConsoleOutput output = ConsoleOutput.run(evidence("RGT", "2024-12-01", "2025-03-31", file.toString()));

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines()).containsExactly("Wrote the evidence pack for RGT to " + file
                + ": 8 of 34 quality statements evidenced, 26 gaps, 0 unmapped items");
        JsonNode json = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(json.get("odsCode").asText()).isEqualTo("RGT");
        assertThat(json.get("gaps")).hasSize(26);
    }

    @Test
    void gapsListsTheStatementsWithNoEvidence() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(gaps("RGT", "2024-12-01", "2025-03-31"));

        assertThat(output.err()).isEmpty();
        assertThat(output.rows().get(0)).containsExactly("Key question", "Id", "Quality statement");
        assertThat(output.rows()).hasSize(1 + 26);
        assertThat(output.row(1, "safe.infection-prevention-and-control")).get().isEqualTo(
                List.of("Safe", "safe.infection-prevention-and-control", "Infection prevention and control"));
        assertThat(output.row(1, "safe.medicines-optimisation")).isEmpty();
        assertThat(output.outLines()).last()
                .isEqualTo("RGT: 26 of 34 quality statements have no evidence (framework 2023)");
    }

    @Test
    void anUnknownMemberIsOneErrorLine() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(gaps("RXX", null, null));

        assertThat(output.errLines()).containsExactly("Error: no member with ODS code RXX");
        assertThat(output.exitStatus()).as("bin/client exit status").isEqualTo(1);
    }

    @Test
    void aBadDateIsOneErrorLineNamingTheOption() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(evidence("RGT", "2025-02-30", null, null));

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: from '2025-02-30': ");
        assertThat(output.exitStatus()).as("bin/client exit status").isEqualTo(1);
    }

    @Test
    void aFrameworkThatDidNotLoadIsOneErrorLineWithTheReason() throws Exception {
        service.configure("1999", 12);

        ConsoleOutput output = ConsoleOutput.run(framework());

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: CQC framework 1999 is not loaded: ")
                .contains("frameworks/cqc-1999.json");
    }

    @Test
    void anUnwritableOutFileIsOneErrorLine() throws Exception {
        Path file = Files.createDirectories(dir.resolve("rgt.json")); // a folder: the file cannot be written

        ConsoleOutput output = ConsoleOutput.run(evidence("RGT", null, null, file.toString()));

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: ").contains("rgt.json");
        assertThat(file).isEmptyDirectory();
    }

    @Test
    void anOutFileOutsideTheExportFolderIsRefusedAndNothingIsWritten() throws Exception {
        Path outside = dir.resolveSibling(dir.getFileName() + "-outside.json");

        ConsoleOutput output = ConsoleOutput.run(evidence("RGT", null, null, outside.toString()));

        assertThat(output.errLines()).containsExactly(
                "Error: '" + outside + "' is outside the export folder " + dir);
        assertThat(outside).doesNotExist();
    }

    @Test
    void aRelativeOutIsInsideTheConfiguredOutputDirectoryOfTheExportFolder() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(evidence("RGT", "2024-12-01", "2025-03-31", "rgt.json"));

        assertThat(output.outLines()).singleElement().asString()
                .startsWith("Wrote the evidence pack for RGT to " + dir.resolve("cqc/evidence/rgt.json"));
    }

    private EvidenceCommand evidence(String format, String out) {
        EvidenceCommand c = evidence("RGT", "2024-12-01", "2025-03-31", out);
        c.format = format;
        return c;
    }

    @Test
    void evidenceWritesEachFormatToTheOutFile() throws Exception {
        for (String format : List.of("json", "csv", "html", "zip")) {
            Path file = dir.resolve("pack." + format);

            ConsoleOutput output = ConsoleOutput.run(evidence(format, file.toString()));

            assertThat(output.err()).as(format).isEmpty();
            assertThat(output.outLines()).as(format).singleElement().asString()
                    .startsWith("Wrote the evidence pack for RGT (" + format + ") to " + file);
            assertThat(file).as(format).exists();
        }
        assertThat(new ObjectMapper().readTree(dir.resolve("pack.json").toFile()).get("odsCode").asText())
                .isEqualTo("RGT");
        assertThat(Files.readString(dir.resolve("pack.csv"))).startsWith("Key question,Statement id,");
        assertThat(Files.readString(dir.resolve("pack.html"))).startsWith("<!DOCTYPE html>");
        byte[] zip = Files.readAllBytes(dir.resolve("pack.zip"));
        assertThat(zip).startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);
    }

    @Test
    void evidencePrintsATextFormatWhenNoOutIsGiven() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(evidence("csv", null));

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines().get(0)).startsWith("Key question,Statement id,");
    }

    @Test
    void aZipWithoutOutIsOneErrorLineAndWritesNothing() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(evidence("zip", null));

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: --format 'zip': ")
                .contains("--out");
        assertThat(output.exitStatus()).as("bin/client exit status").isEqualTo(1);
    }

    @Test
    void anUnknownFormatIsOneErrorLineNamingTheOptionAndWritesNoFile() throws Exception {
        Path file = dir.resolve("pack.pdf");

        ConsoleOutput output = ConsoleOutput.run(evidence("pdf", file.toString()));

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: --format 'pdf': ")
                .contains("json, csv, html, zip");
        assertThat(output.exitStatus()).as("bin/client exit status").isEqualTo(1);
        assertThat(file).doesNotExist();
    }

    @Test
    void bulkExportWritesOnePackPerMemberWithAProgressLineEachAndGoesOnPastAFailure() throws Exception {
        EvidenceBulkCommand bulk = new EvidenceBulkCommand();
        bulk.evidence = service;
        bulk.files = new FolderFileArea(dir);
        bulk.out = dir.resolve("bulk").toString();
        bulk.format = "csv";
        bulk.from = "2024-12-01";
        bulk.to = "2025-03-31";
        bulk.codes = List.of("XYZ", "rgt");

        ConsoleOutput output = ConsoleOutput.run(bulk);

        assertThat(output.outLines()).hasSize(3);
        assertThat(output.outLines().get(0)).isEqualTo("[1/2] XYZ FAILED: no member with ODS code XYZ");
        assertThat(output.outLines().get(1)).isEqualTo("[2/2] RGT cqc-evidence-RGT-2024-12-01-2025-03-31.csv (26 gaps)");
        assertThat(output.outLines().get(2)).startsWith("Wrote 1 evidence pack(s) to ").endsWith("; 1 failed");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir.resolve("bulk"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("cqc-evidence-RGT-2024-12-01-2025-03-31.csv");
        }
    }

    @Test
    void bulkExportRefusesAnOutThatIsAFile() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        EvidenceBulkCommand bulk = new EvidenceBulkCommand();
        bulk.evidence = service;
        bulk.files = new FolderFileArea(dir);
        bulk.out = file.toString();

        ConsoleOutput output = ConsoleOutput.run(bulk);

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: --out '" + file + "': is a file");
    }
}
