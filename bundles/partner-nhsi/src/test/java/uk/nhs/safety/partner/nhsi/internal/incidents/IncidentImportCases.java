package uk.nhs.safety.partner.nhsi.internal.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.nhsi.internal.catalogue.CatalogueLoader;
import uk.nhs.safety.partner.testkit.TestPartnerDatabase;

/**
 * The incident import's behaviour, run on H2 by {@link IncidentImportTest} (batched writes) and on PostgreSQL by
 * {@link IncidentImportPostgresqlTest} (COPY, staging and merge).
 */
abstract class IncidentImportCases {

    private static final Catalogue CATALOGUE = CatalogueLoader.bundled().select(null);
    private static final YearMonth NOW = YearMonth.of(2016, 3);
    static final String HEADER = "ods_code,month,category,degree_of_harm,count\n";

    final TestPartnerDatabase tables;
    private final IncidentImport importer;

    IncidentImportCases(TestPartnerDatabase tables) {
        this.tables = tables;
        this.importer = new IncidentImport(tables, Set.of("RGT", "RJZ")::contains);
    }

    ImportReport run(String csv, boolean partial, Path rejects) {
        return importer.run(new ImportRequest("test.csv", new ByteArrayInputStream(csv.getBytes(
                StandardCharsets.UTF_8)), partial, rejects, "tester"), CATALOGUE, NOW);
    }

    private long total() {
        return tables.count("SELECT COALESCE(SUM(incidents), 0) FROM nhsi_incident");
    }

    @Test
    void importsRowsAndIsIdempotentByMemberMonthCategoryAndHarm() {
        String file = HEADER + "RGT,2015-04,medication,no harm,120\n"
                + "rgt,2015-04,Medication,moderate,4\n"
                + "RGT,2015-04,Patient accident (including falls),Death,1\n";

        ImportReport first = run(file, false, null);
        ImportReport again = run(file, false, null);
        ImportReport corrected = run(HEADER + "RGT,2015-04,medication,moderate,5\n", false, null);

        assertThat(first.created()).isEqualTo(3);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(corrected.updated()).isEqualTo(1);
        assertThat(total()).isEqualTo(120 + 5 + 1);
        assertThat(tables.count("SELECT COUNT(*) FROM nhsi_incident WHERE harm = 'DEATH' AND category ="
                + " 'patient-accident'")).isEqualTo(1);
    }

    @Test
    void oneBadRowRefusesTheWholeFileNamingLineColumnAndValue() {
        run(HEADER + "RGT,2015-04,medication,low,10\n", false, null);

        assertThatThrownBy(() -> run(HEADER + "RGT,2015-05,medication,low,10\n"
                + "RGT,2015-13,medication,low,10\n"
                + "RGT,2015-06,falls,low,10\n"
                + "RGT,2015-06,medication,catastrophic,10\n"
                + "RGT,2015-06,medication,low,-3\n"
                + "RGT,2016-04,medication,low,1\n", false, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::toString).startsWith(
                                "line 3, month '2015-13': a month as yyyy-mm is required",
                                "line 4, category 'falls': not an incident category of catalogue 2023.1; one of"
                                        + " access-admission-transfer-discharge, clinical-assessment,"
                                        + " consent-communication-confidentiality, disruptive-aggressive-behaviour,"
                                        + " documentation, implementation-of-care, infection-control, infrastructure,"
                                        + " medical-device, medication, patient-abuse, patient-accident,"
                                        + " self-harming-behaviour, treatment-procedure, other, maternity",
                                "line 5, degree_of_harm 'catastrophic': the degree of harm is no harm, low, moderate,"
                                        + " severe or death",
                                "line 6, count '-3': a whole number from 0 to 1000000",
                                "line 7, month '2016-04': the month is in the future (latest 2016-03)")
                        .endsWith("file: 5 row(s) refused in all; nothing was imported (import with --partial to"
                                + " import the valid rows and write the rejected ones to a file)"));

        assertThat(total()).isEqualTo(10);
    }

    @Test
    void repeatedKeyIsRefusedAtItsSecondLine() {
        assertThatThrownBy(() -> run(HEADER + "RGT,2015-04,medication,low,1\nRGT,2015-04,medication,low,2\n", false,
                null)).hasMessageStartingWith("line 3, ods_code/month/category/degree_of_harm"
                + " 'RGT,2015-04,medication,low': the same member, month, category and harm is also at line 2");
        assertThat(total()).isZero();
    }

    @Test
    void partialImportKeepsValidRowsAndWritesRejectsWithTheirErrors(@TempDir Path dir) throws IOException {
        Path rejects = dir.resolve("rejects.csv");

        ImportReport r = run(HEADER + "RGT,2015-04,medication,low,7\nRGT,2015-04,medication,severe,x\n", true,
                rejects);

        assertThat(r.created()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(total()).isEqualTo(7);
        assertThat(Files.readAllLines(rejects)).containsExactly(
                "line,errors,ods_code,month,category,degree_of_harm,count",
                "3,\"line 3, count 'x': a whole number from 0 to 1000000\",RGT,2015-04,medication,severe,x");
    }

    @Test
    void rowsAboutNonMembersAreImportedAndReported() {
        ImportReport r = run(HEADER + "RGT,2015-04,medication,low,1\nRAJ,2015-04,medication,low,2\n"
                + "RAJ,2015-05,medication,low,3\n", false, null);

        assertThat(r.created()).isEqualTo(3);
        assertThat(r.problems()).extracting(Violation::toString).containsExactly(
                "line 3, ods_code 'RAJ': not a campaign member: 2 row(s) imported for it, counted once it joins");
    }

    @Test
    void headerWithoutARequiredColumnIsRefusedAtLineOne() {
        assertThatThrownBy(() -> run("ods_code,month,category,harm,count\nRGT,2015-04,medication,low,1\n", false,
                null)).hasMessage("line 1, degree_of_harm: the header has no column degree_of_harm; expected"
                + " ods_code,month,category,degree_of_harm,count");
    }

    @Test
    void headerWithAnUnnamedColumnIsRefusedAtLineOneNamingTheColumnAndImportsNothing() {
        assertThatThrownBy(() -> run("ods_code,,month,category,degree_of_harm,count\nRGT,x,2015-04,medication,low,1\n",
                false, null)).hasMessageStartingWith("line 1, column 2 '': the header line names no column 2");
        assertThatThrownBy(() -> run(HEADER.strip() + ",\nRGT,2015-04,medication,low,1,\n", false, null))
                .hasMessageStartingWith("line 1, column 6 '': the header line names no column 6");
        assertThat(total()).isZero();
    }

    @Test
    void rejectedCellsASpreadsheetWouldRunAsFormulasAreWrittenAsText(@TempDir Path dir) throws IOException {
        Path rejects = dir.resolve("rejects.csv");

        run(HEADER + "RGT,2015-04,=HYPERLINK(\"http://x\"),low,-1\n", true, rejects);

        // The category is a formula: quoted; the count -1 is a number: as it was (and refused for being negative).
        assertThat(Files.readAllLines(rejects).get(1)).endsWith(",RGT,2015-04,\"'=HYPERLINK(\"\"http://x\"\")\",low,-1");
    }

    @Test
    void harmLabelsAreReadInTheirUsualSpellings() {
        assertThat(Harm.parse("No harm")).isEqualTo(Harm.NO_HARM);
        assertThat(Harm.parse("none")).isEqualTo(Harm.NO_HARM);
        assertThat(Harm.parse("NO_HARM")).isEqualTo(Harm.NO_HARM);
        assertThat(Harm.parse("low harm")).isEqualTo(Harm.LOW);
        assertThat(Harm.parse("Severe")).isEqualTo(Harm.SEVERE);
        assertThat(Harm.parse("death")).isEqualTo(Harm.DEATH);
        assertThat(Harm.parse("fatal")).isNull();
        assertThat(Harm.MODERATE.moderateOrWorse()).isTrue();
        assertThat(Harm.LOW.moderateOrWorse()).isFalse();
    }
}
