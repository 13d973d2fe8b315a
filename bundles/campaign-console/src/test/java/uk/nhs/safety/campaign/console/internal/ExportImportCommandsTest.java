package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.partner.testkit.FakePartnerRegistry;
import uk.nhs.safety.partner.testkit.FolderFileArea;

class ExportImportCommandsTest {

    @TempDir
    Path dir;

    private final List<ExportRequest> exports = new ArrayList<>();
    private final List<String> imported = new ArrayList<>();

    private final Exporter profile = new Exporter() {
        @Override
        public String name() {
            return "nhsla-profile";
        }

        @Override
        public String partnerId() {
            return "nhsla";
        }

        @Override
        public String description() {
            return "Claims profile of a member or the nation";
        }

        @Override
        public List<String> formats() {
            return List.of("json", "csv");
        }

        @Override
        public String mediaType(String format) {
            return format.equals("csv") ? "text/csv" : "application/json";
        }

        @Override
        public void export(ExportRequest request, OutputStream out) throws IOException {
            exports.add(request);
            if ("broken".equals(request.options().get("mode"))) {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            }
            out.write(("member=" + request.odsCode() + " format=" + request.format()).getBytes(StandardCharsets.UTF_8));
        }
    };

    private final Importer claims = new Importer() {
        @Override
        public String name() {
            return "nhsla-claims";
        }

        @Override
        public String partnerId() {
            return "nhsla";
        }

        @Override
        public String description() {
            return "Clinical negligence claims (CSV)";
        }

        @Override
        public List<String> mediaTypes() {
            return List.of("text/csv");
        }

        @Override
        public ImportReport importData(ImportRequest request) {
            try {
                imported.add(request.source() + ":" + new String(request.data().readAllBytes(), StandardCharsets.UTF_8)
                        + ":" + request.partial() + ":" + request.caller());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (!request.partial()) {
                throw new ValidationException(new Violation(3, "scheme", "XYZ", "not a known scheme"));
            }
            return new ImportReport("nhsla-claims", 2, 1, 0, 0, 1,
                    List.of(new Violation(3, "scheme", "XYZ", "not a known scheme")), null);
        }
    };

    private final FakePartnerRegistry registry = new FakePartnerRegistry(List.of(new PartnerInfo("nhsla",
            "NHS Litigation Authority", "1.0.0", "b", PartnerHealth.up())), List.of(profile), List.of(claims));

    @Test
    void exportsAMemberInTheChosenFormatIntoTheFile() throws Exception {
        Path out = dir.resolve("rgt.csv");
        ExportCommand c = export("csv");
        c.member = "rgt";
        c.out = out.toString();

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("member=RGT format=csv");
        assertThat(output.outLines()).singleElement().asString().contains("nhsla-profile (csv, text/csv)")
                .contains("21 bytes");
    }

    @Test
    void refusesAFormatTheExporterDoesNotWriteAndWritesNothing() throws Exception {
        Path out = dir.resolve("rgt.pdf");
        ExportCommand c = export("pdf");
        c.out = out.toString();

        assertThat(ConsoleOutput.run(c).errLines()).containsExactly(
                "Error: --format 'pdf': exporter nhsla-profile writes json, csv");
        assertThat(exports).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aFailedExportLeavesNoFileBehind() throws Exception {
        Path out = dir.resolve("national.json");
        ExportCommand c = export(null);
        c.options = List.of("mode=broken");
        c.out = out.toString();

        assertThat(ConsoleOutput.run(c).errLines()).singleElement().asString().contains("disk full");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesAnOutputFileOutsideTheExportFolderAndExportsNothing() throws Exception {
        ExportCommand c = export("csv");
        c.out = "../rgt.csv";

        assertThat(ConsoleOutput.run(c).errLines()).containsExactly(
                "Error: '../rgt.csv' is outside the export folder " + dir);
        assertThat(exports).isEmpty();
        assertThat(dir.resolveSibling("rgt.csv")).doesNotExist();
    }

    @Test
    void refusesAFileOutsideTheImportFolderAndImportsNothing() throws Exception {
        ImportCommand c = importer(dir);
        c.file = "/etc/passwd";

        assertThat(ConsoleOutput.run(c).errLines()).containsExactly(
                "Error: '/etc/passwd' is outside the import folder " + dir);
        assertThat(imported).isEmpty();
    }

    @Test
    void namesTheUnknownExporter() throws Exception {
        ExportCommand c = export(null);
        c.name = "cqc-evidence";
        c.out = dir.resolve("x").toString();

        assertThat(ConsoleOutput.run(c).errLines()).singleElement().asString()
                .contains("no exporter named 'cqc-evidence'");
    }

    @Test
    void importsAFileAndPrintsTheReportWithItsProblems() throws Exception {
        Path file = dir.resolve("claims.csv");
        Files.writeString(file, "ref,ods\n");
        ImportCommand c = importer(file);
        c.partial = true;

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(imported).containsExactly("claims.csv:ref,ods\n:true:alice");
        assertThat(output.outLines()).containsExactly(
                "Imported " + file + " with nhsla-claims: 2 rows read, 1 created, 0 updated, 0 unchanged, 1 rejected",
                "line 3, scheme 'XYZ': not a known scheme");
    }

    @Test
    void aRefusedImportPrintsEveryViolation() throws Exception {
        Path file = dir.resolve("claims.csv");
        Files.writeString(file, "ref,ods\n");

        ConsoleOutput output = ConsoleOutput.run(importer(file));

        assertThat(output.errLines()).singleElement().asString().contains("line 3").contains("scheme");
        assertThat(output.outLines()).isEmpty();
    }

    @Test
    void partnerListShowsTheExportersAndImporters() throws Exception {
        PartnerListCommand c = new PartnerListCommand();
        c.partnerRegistry = registry;
        c.in(FakeSession.of("alice"));

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.row("nhsla-profile")).hasValue(List.of("nhsla-profile", "nhsla", "json, csv",
                "Claims profile of a member or the nation"));
        assertThat(output.row("nhsla-claims")).hasValue(List.of("nhsla-claims", "nhsla", "text/csv",
                "Clinical negligence claims (CSV)"));
    }

    @Test
    void refusesAnOptionWithoutAName() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ExportCommand.options(List.of("=x"))))
                .hasMessageContaining("--option '=x'");
    }

    private ExportCommand export(String format) {
        ExportCommand c = new ExportCommand();
        c.partnerRegistry = registry;
        c.in(FakeSession.of("alice"));
        c.files = new FolderFileArea(dir);
        c.name = "nhsla-profile";
        c.format = format;
        return c;
    }

    private ImportCommand importer(Path file) {
        ImportCommand c = new ImportCommand();
        c.partnerRegistry = registry;
        c.in(FakeSession.of("alice"));
        c.files = new FolderFileArea(dir);
        c.name = "nhsla-claims";
        c.file = file.toString();
        return c;
    }
}
