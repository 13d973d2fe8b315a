package uk.nhs.safety.partner.support.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;

class CsvImportTest {

    /** A row of the test format: an ODS code and a count. */
    record Row(String ods, int count) {
    }

    private final List<Row> loaded = new ArrayList<>();
    private boolean finished;

    private final CsvImport.Loader<Row> loader = new CsvImport.Loader<>() {
        @Override
        public void load(Row row) {
            loaded.add(row);
        }

        @Override
        public CsvImport.Written finish() {
            finished = true;
            return new CsvImport.Written(loaded.size(), 0, 0);
        }
    };

    private static Row parse(CsvRow row) {
        String ods = row.get(0);
        if (ods == null || !ods.matches("[A-Z0-9]{3,8}")) {
            row.problem(0, ods, "an ODS code is 3 to 8 letters and digits");
        }
        String n = row.get(1);
        if (n == null || !n.matches("\\d{1,6}")) {
            row.problem(1, n, "a whole number");
        }
        return row.refused() ? null : new Row(ods, Integer.parseInt(n));
    }

    private ImportReport run(String csv, boolean partial, Path rejects) throws Exception {
        return new CsvImport<>("test-import", List.of("ods_code", "count"), CsvImportTest::parse)
                .unique(Row::ods, "ods_code", Row::ods, "the code", "each code")
                .members(Row::ods, ods -> !ods.equals("RXX"), "row(s) imported for it")
                .run(new ImportRequest("t.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                        partial, rejects, "tester"), loader);
    }

    @Test
    void findsColumnsByNameInAnyOrderIgnoringCaseSpacesAndHyphens() throws Exception {
        ImportReport r = run("\uFEFFCount, ODS-Code\n5,RGT\n", false, null);

        assertThat(r.created()).isEqualTo(1);
        assertThat(loaded).containsExactly(new Row("RGT", 5));
        assertThat(finished).isTrue();
    }

    @Test
    void aHeaderWithoutAColumnIsRefusedAtLineOneNamingEveryMissingColumn() {
        assertThatThrownBy(() -> run("code,n\nRGT,1\n", false, null)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::toString)
                        .containsExactly("line 1, ods_code: the header has no column ods_code; expected ods_code,count",
                                "line 1, count: the header has no column count; expected ods_code,count"));
        assertThat(finished).isFalse();
    }

    @Test
    void oneBadRowRefusesTheFileAfterCheckingEveryRowAndLoadsNothingMoreAfterIt() {
        assertThatThrownBy(() -> run("ods_code,count\nRGT,1\nR!,2\nRJZ,x\nRL4,4\n", false, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::toString).containsExactly(
                                "line 3, ods_code 'R!': an ODS code is 3 to 8 letters and digits",
                                "line 4, count 'x': a whole number",
                                "file: 2 row(s) refused in all; nothing was imported (import with --partial to import"
                                        + " the valid rows and write the rejected ones to a file)"));
        // Only the row before the first refusal reached the loader (the caller's transaction rolls it back).
        assertThat(loaded).containsExactly(new Row("RGT", 1));
        assertThat(finished).isFalse();
    }

    @Test
    void aKeyTwiceIsRefusedAtItsSecondLine() {
        assertThatThrownBy(() -> run("ods_code,count\nRGT,1\nRJZ,2\nRGT,3\n", false, null))
                .hasMessageStartingWith("line 4, ods_code 'RGT': the code is also at line 2; a file lists each code"
                        + " once");
    }

    @Test
    void aPartialImportLoadsTheValidRowsAndWritesTheRejectedOnesAsGivenWithTheirErrors(@TempDir Path dir)
            throws Exception {
        Path rejects = dir.resolve("rejects.csv");

        ImportReport r = run("count,ods_code,note\n1,RGT,a\nx,RJZ,b\n2,RGT,c\n3,=SUM(A1),d\n", true, rejects);

        assertThat(List.of(r.read(), r.created(), r.rejected())).containsExactly(4L, 1L, 3L);
        assertThat(r.rejectsFile()).isEqualTo(rejects.toString());
        assertThat(Files.readAllLines(rejects)).containsExactly(
                "line,errors,count,ods_code,note",
                "3,\"line 3, count 'x': a whole number\",x,RJZ,b",
                "4,\"line 4, ods_code 'RGT': the code is also at line 2; a file lists each code once\",2,RGT,c",
                // A cell a spreadsheet would run as a formula is written as text.
                "5,\"line 5, ods_code '=SUM(A1)': an ODS code is 3 to 8 letters and digits\",3,'=SUM(A1),d");
    }

    @Test
    void rowsOfNonMembersAreLoadedAndReportedOncePerCodeAtTheirFirstLine() throws Exception {
        ImportReport r = run("ods_code,count\nRGT,1\nRXX,2\n", false, null);

        assertThat(loaded).hasSize(2);
        assertThat(r.problems()).extracting(Violation::toString)
                .containsExactly("line 3, ods_code 'RXX': not a campaign member: 1 row(s) imported for it");
    }

    @Test
    void malformedCsvIsRefusedNamingTheLineWhereReadingStopped() {
        assertThatThrownBy(() -> run("ods_code,count\nRGT,1\n\"RJZ,2\n", false, null))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("line 3, file: malformed CSV");
    }

    @Test
    void aRefusalCarriesAtMostTheFirst300ProblemsAndTheCountOfAll() {
        StringBuilder csv = new StringBuilder("ods_code,count\n");
        for (int i = 0; i < 400; i++) {
            csv.append("R!,1\n");
        }
        assertThatThrownBy(() -> run(csv.toString(), false, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).hasSize(301);
                    assertThat(e.violations().get(300).message()).startsWith("400 row(s) refused in all");
                });
    }

    @Test
    void normalisedColumnNamesIgnoreCaseWhiteSpaceSeparatorsAndAByteOrderMark() throws IOException {
        assertThat(CsvImport.normalise("\uFEFF Degree_of-Harm\t")).isEqualTo("degreeofharm");
    }
}
