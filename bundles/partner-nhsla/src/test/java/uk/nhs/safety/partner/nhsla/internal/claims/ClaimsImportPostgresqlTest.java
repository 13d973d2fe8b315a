package uk.nhs.safety.partner.nhsla.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresPartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * Every claims import test on PostgreSQL, where the rows go through COPY (straight into the table on a first load,
 * through the TEMP staging table and the merge afterwards), plus what only the merge does.
 */
@ExtendWith(PostgresExtension.class)
class ClaimsImportPostgresqlTest extends ClaimsImportCases {

    ClaimsImportPostgresqlTest(PostgresServer postgres) {
        super(new PostgresPartnerDatabase(postgres, "nhsla", ScriptSource.classpath(NhslaService.class, "db")));
    }

    @Test
    void aLargeReimportThroughTheMergeKeepsTheSummaryEqualToTheClaims() {
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        try {
            // Same references G1..G3000, values drawn again with another seed: most claims change, some stay.
            new ClaimsGenerator(List.of("RGT", "RJZ", "RL4"), 7, 2014).write(first, 3000, "G");
            new ClaimsGenerator(List.of("RGT", "RJZ", "RL4"), 8, 2014).write(second, 3500, "G");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ClaimsImport importer = new ClaimsImport(db, ods -> true);
        importer.run(request(first.toString()), uk.nhs.safety.partner.nhsla.internal.Settings.defaults().schemes(), TODAY_LATE);
        // The first load (claims and summary groups copied straight in, the key built at the end) sums up right too.
        assertThat(db.count(SUMMARY_MISMATCHES)).isZero();
        ImportReport r = importer.run(request(second.toString()), uk.nhs.safety.partner.nhsla.internal.Settings.defaults().schemes(), TODAY_LATE);

        assertThat(r.created()).isEqualTo(500);
        assertThat(r.created() + r.updated() + r.unchanged()).isEqualTo(3500);
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isEqualTo(3500);
        // The summary kept in step by deltas equals the claims summed afresh, group by group.
        assertThat(db.count(SUMMARY_MISMATCHES)).isZero();
    }

    /** Summary groups that differ from the claims summed afresh (0 when the summary is right). */
    private static final String SUMMARY_MISMATCHES = "SELECT COUNT(*) FROM (SELECT ods_code, notification_fy,"
            + " specialty, cause, scheme, COUNT(*) AS n, SUM(damages_pence + defence_pence + claimant_pence) AS v"
            + " FROM nhsla_claim GROUP BY ods_code, notification_fy, specialty, cause, scheme) a"
            + " FULL JOIN nhsla_claim_summary s USING (ods_code, notification_fy, specialty, cause, scheme)"
            + " WHERE s.claims IS DISTINCT FROM a.n OR s.value_pence IS DISTINCT FROM a.v";

    private static final String CLAIMS_KEY = "SELECT COUNT(*) FROM pg_constraint WHERE conname = 'nhsla_claim_pkey'"
            + " AND contype = 'p'";

    /** The summary's secondary index, set aside during a first load and built again at its end. */
    private static final String SUMMARY_INDEX = "SELECT COUNT(*) FROM pg_indexes WHERE indexname ="
            + " 'nhsla_claim_summary_member' AND indexdef LIKE '%(ods_code, notification_fy)'";

    @Test
    void aFirstLoadCopiesWithoutTheKeyAndEndsWithTheKeyInPlace() {
        ClaimsImport importer = new ClaimsImport(db, ods -> true);
        importer.run(request(HEADER + row("K1", "RGT", "1000") + row("K2", "RGT", "2000")), SCHEMES, TODAY);

        assertThat(db.count(CLAIMS_KEY)).isEqualTo(1);
        assertThat(db.count(SUMMARY_INDEX)).isEqualTo(1);
        // The key is enforced again: a second row with the same reference is refused by the database itself.
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO nhsla_claim SELECT * FROM nhsla_claim WHERE claim_ref = 'K1'");
            }
        })).hasMessageContaining("nhsla_claim_pkey");
    }

    @Test
    void aRefusedFirstLoadLeavesTheEmptyTableWithItsKey() {
        ClaimsImport importer = new ClaimsImport(db, ods -> true);
        assertThatThrownBy(() -> importer.run(request(HEADER + row("K1", "RGT", "1000")
                + row("K2", "RGT", "lots")), SCHEMES, TODAY)).isInstanceOf(ValidationException.class);

        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim_summary")).isZero();
        assertThat(db.count(CLAIMS_KEY)).isEqualTo(1);
        assertThat(db.count(SUMMARY_INDEX)).isEqualTo(1);
    }

    private static final java.time.LocalDate TODAY_LATE = java.time.LocalDate.of(2030, 1, 1);

    private static ImportRequest request(String csv) {
        return new ImportRequest("gen.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false,
                null, "tester");
    }
}
