package uk.nhs.safety.partner.nhsla.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.partner.testkit.TestPartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;

/**
 * The claims import's behaviour, run on H2 by {@link ClaimsImportTest} (direct batched writes) and on PostgreSQL by
 * {@link ClaimsImportPostgresqlTest} (COPY, staging and merge).
 */
public abstract class ClaimsImportCases {

    public static final String HEADER = ClaimsCsvTest.HEADER;
    static final Set<String> SCHEMES = Set.of("CNST", "ELS");
    static final LocalDate TODAY = LocalDate.of(2016, 1, 1);

    final TestPartnerDatabase db;
    private final ClaimsImport importer;

    ClaimsImportCases(TestPartnerDatabase db) {
        this.db = db;
        this.importer = new ClaimsImport(db, ods -> !ods.equals("RXX"));
    }

    private ImportReport run(String csv, boolean partial, Path rejects) {
        return importer.run(new ImportRequest("test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                partial, rejects, "tester"), SCHEMES, TODAY);
    }

    public static String row(String ref, String ods, String damages) {
        return ref + "," + ods + ",CNST,Obstetrics,Failure to Monitor,Brain Damage,2012-05-01,2014-06-01,settled,"
                + damages + ",100,200\n";
    }

    @Test
    void importsNewClaimsThenUpdatesByReferenceWithoutDuplicating() {
        ImportReport first = run(HEADER + row("A", "RGT", "10") + row("B", "RGT", "20") + row("C", "RJZ", "30"), false,
                null);
        assertThat(first.created()).isEqualTo(3);
        ImportReport again = run(HEADER + row("A", "RGT", "10") + row("B", "RGT", "25") + row("D", "RJZ", "40"), false,
                null);
        // A identical, B changed, D new
        assertThat(List.of(again.read(), again.created(), again.updated(), again.unchanged()))
                .containsExactly(3L, 1L, 1L, 1L);
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isEqualTo(4);
        assertThat(db.count("SELECT damages_pence FROM nhsla_claim WHERE claim_ref = 'B'")).isEqualTo(2500);
    }

    @Test
    void summaryFollowsCreatedAndMovedClaimsAndDropsEmptiedGroups() {
        // Each row's value: damages + defence £100 + claimant £200, in pence: A 31000, B 32000, C 33000, D 34000.
        run(HEADER + row("A", "RGT", "10") + row("B", "RGT", "20") + row("C", "RJZ", "30"), false, null);
        assertThat(summary("RGT")).isEqualTo(List.of(2L, 63000L));
        assertThat(summary("RJZ")).isEqualTo(List.of(1L, 33000L));

        // B moves from RGT to RJZ, D is new, A is unchanged and C is not in the file (kept).
        run(HEADER + row("A", "RGT", "10") + row("B", "RJZ", "20") + row("D", "RJZ", "40"), false, null);
        assertThat(summary("RGT")).isEqualTo(List.of(1L, 31000L));
        assertThat(summary("RJZ")).isEqualTo(List.of(3L, 99000L));

        // A moves too: RGT's group has no claims left and its summary row goes.
        run(HEADER + row("A", "RJZ", "10"), false, null);
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim_summary WHERE ods_code = 'RGT'")).isZero();
        assertThat(summary("RJZ")).isEqualTo(List.of(4L, 130000L));
    }

    /** 3,000 claims over 30 members, 4 specialties and 5 years: 600 summary groups; {@code moved} of them to RGT. */
    private static String manyGroups(int moved) {
        String[] specialties = {"Obstetrics", "Surgery", "Orthopaedics", "Emergency Medicine"};
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            String member = i < moved ? "RGT" : "R" + (char) ('A' + i % 30 / 10) + (i % 10);
            csv.append("M").append(i).append(',').append(member).append(",CNST,").append(specialties[i / 30 % 4])
                    .append(",Failure to Monitor,Brain Damage,2009-05-01,").append(2010 + i / 120 % 5)
                    .append("-06-01,settled,").append(i + 1).append(",100,200\n");
        }
        return csv.toString();
    }

    /** The summary's rows, and the same sums computed from the claims themselves. */
    private List<List<String>> summaryAndClaimsGrouped() {
        return db.inTransaction(c -> {
            List<List<String>> both = new java.util.ArrayList<>();
            for (String sql : List.of("SELECT ods_code, notification_fy, specialty, cause, scheme, claims, value_pence"
                            + " FROM nhsla_claim_summary ORDER BY 1, 2, 3, 4, 5",
                    "SELECT ods_code, notification_fy, specialty, cause, scheme, COUNT(*),"
                            + " SUM(damages_pence + defence_pence + claimant_pence) FROM nhsla_claim"
                            + " GROUP BY ods_code, notification_fy, specialty, cause, scheme ORDER BY 1, 2, 3, 4, 5")) {
                List<String> rows = new java.util.ArrayList<>();
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                                + "|" + rs.getString(5) + "|" + rs.getLong(6) + "|" + rs.getLong(7));
                    }
                }
                both.add(rows);
            }
            return both;
        });
    }

    @Test
    void summaryEqualsTheClaimsGroupedOverHundredsOfGroups() {
        assertThat(run(manyGroups(0), false, null).created()).isEqualTo(3000);
        List<List<String>> first = summaryAndClaimsGrouped();
        assertThat(first.get(0)).hasSize(600).isEqualTo(first.get(1));

        // 700 claims move to RGT: their old groups shrink or go, RGT's are new
        ImportReport again = run(manyGroups(700), false, null);

        assertThat(List.of(again.updated(), again.unchanged())).containsExactly(700L, 2300L);
        List<List<String>> after = summaryAndClaimsGrouped();
        assertThat(after.get(0)).isEqualTo(after.get(1)).anyMatch(r -> r.startsWith("RGT|"));
    }

    /** The member's one summary group (all rows share year, specialty, cause and scheme): claims, value in pence. */
    private List<Long> summary(String ods) {
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim_summary WHERE ods_code = '" + ods + "'")).isEqualTo(1);
        return List.of(db.count("SELECT claims FROM nhsla_claim_summary WHERE ods_code = '" + ods + "'"),
                db.count("SELECT value_pence FROM nhsla_claim_summary WHERE ods_code = '" + ods + "'"));
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesLineColumnValue() {
        run(HEADER + row("A", "RGT", "10"), false, null);
        String bad = HEADER + row("A", "RGT", "99") + row("B", "RGT", "20") + row("C", "RGT", "abc");
        assertThatThrownBy(() -> run(bad, false, null)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations().get(0))
                        .isEqualTo(Violation.atLine(4, "damages_paid", "abc",
                                "an amount in pounds, not negative, at most 2 decimals (empty for none)")));
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isEqualTo(1);
        assertThat(db.count("SELECT damages_pence FROM nhsla_claim WHERE claim_ref = 'A'")).isEqualTo(1000);
    }

    @Test
    void aBadRowInAReimportChangesNeitherClaimsNorSummary() {
        run(HEADER + row("A", "RGT", "10") + row("B", "RJZ", "20"), false, null);
        // A changed, C new, then a bad row: the whole file is refused.
        String bad = HEADER + row("A", "RJZ", "50") + row("C", "RGT", "30") + row("D", "R!", "1");
        assertThatThrownBy(() -> run(bad, false, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 4, ods_code 'R!'");
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isEqualTo(2);
        assertThat(db.count("SELECT damages_pence FROM nhsla_claim WHERE claim_ref = 'A'")).isEqualTo(1000);
        assertThat(summary("RGT")).isEqualTo(List.of(1L, 31000L));
        assertThat(summary("RJZ")).isEqualTo(List.of(1L, 32000L));
    }

    @Test
    void aPartialReimportCountsCreatedUpdatedUnchangedAndRejected() {
        run(HEADER + row("A", "RGT", "10") + row("B", "RGT", "20"), false, null);
        ImportReport r = run(HEADER + row("A", "RGT", "10") + row("B", "RGT", "21") + row("C", "RGT", "30")
                + row("D", "RGT", "x"), true, null);
        assertThat(List.of(r.read(), r.created(), r.updated(), r.unchanged(), r.rejected()))
                .containsExactly(4L, 1L, 1L, 1L, 1L);
        // Value in pence = damages + £100 + £200: A 31000, B 32100, C 33000; sum 96100
        assertThat(summary("RGT")).isEqualTo(List.of(3L, 96100L));
    }

    @Test
    void aClaimTwiceInOneFileIsRefusedAtItsSecondLine() {
        assertThatThrownBy(() -> run(HEADER + row("A", "RGT", "10") + row("B", "RGT", "20") + row("A", "RGT", "30"),
                false, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 4, claim_reference 'A': the claim reference is also at line 2");
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isZero();
    }

    @Test
    void partialImportsValidRowsAndWritesRejectsWithTheirErrors(@TempDir Path dir) throws IOException {
        Path rejects = dir.resolve("rejects.csv");
        ImportReport r = run(HEADER + row("A", "RGT", "10") + row("B", "R!", "20") + row("C", "RGT", "30")
                + row("A", "RGT", "40"), true, rejects);
        assertThat(List.of(r.read(), r.created(), r.rejected())).containsExactly(4L, 2L, 2L);
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isEqualTo(2);
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("line,errors,claim_reference,ods_code");
        assertThat(lines.get(1)).startsWith("3,\"line 3, ods_code 'R!'");
        assertThat(lines.get(2)).startsWith("5,").contains("also at line 2");
    }

    @Test
    void claimsOfNonMembersAreImportedAndReportedOncePerCode() {
        ImportReport r = run(HEADER + row("A", "RGT", "10") + row("B", "RXX", "20") + row("C", "RXX", "30"), false,
                null);
        assertThat(r.created()).isEqualTo(3);
        assertThat(r.problems()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.value()).isEqualTo("RXX");
            assertThat(v.message()).startsWith("not a campaign member: 2 claim(s)");
        });
    }

    @Test
    void generatedFilesImportCleanly() throws IOException {
        StringWriter w = new StringWriter();
        new ClaimsGenerator(List.of("RGT", "RJZ", "RL4"), 42, 2014).write(w, 2000, "G");
        ImportReport r = run(w.toString(), false, null);
        assertThat(r.created()).isEqualTo(2000);
        assertThat(r.rejected()).isZero();
        // Obstetrics: about 12% by number and about 60% by value (wide bounds: 2,000 random claims)
        double byNumber = db.count("SELECT COUNT(*) FROM nhsla_claim WHERE specialty = 'Obstetrics'") / 2000.0;
        double byValue = (double) db.count("SELECT SUM(damages_pence + defence_pence + claimant_pence) FROM nhsla_claim"
                + " WHERE specialty = 'Obstetrics'") / db.count("SELECT SUM(damages_pence + defence_pence"
                + " + claimant_pence) FROM nhsla_claim");
        assertThat(byNumber).isBetween(0.10, 0.14);
        assertThat(byValue).isBetween(0.50, 0.70);
    }
}
