package uk.nhs.safety.partner.nhsla.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        ImportReport r = importer.run(request(second.toString()), uk.nhs.safety.partner.nhsla.internal.Settings.defaults().schemes(), TODAY_LATE);

        assertThat(r.created()).isEqualTo(500);
        assertThat(r.created() + r.updated() + r.unchanged()).isEqualTo(3500);
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isEqualTo(3500);
        // The summary kept in step by deltas equals the claims summed afresh, group by group.
        assertThat(db.count("SELECT COUNT(*) FROM (SELECT ods_code, notification_fy, specialty, cause, scheme,"
                + " COUNT(*) AS n, SUM(damages_pence + defence_pence + claimant_pence) AS v FROM nhsla_claim"
                + " GROUP BY ods_code, notification_fy, specialty, cause, scheme) a FULL JOIN nhsla_claim_summary s"
                + " USING (ods_code, notification_fy, specialty, cause, scheme)"
                + " WHERE s.claims IS DISTINCT FROM a.n OR s.value_pence IS DISTINCT FROM a.v")).isZero();
    }

    private static final java.time.LocalDate TODAY_LATE = java.time.LocalDate.of(2030, 1, 1);

    private static ImportRequest request(String csv) {
        return new ImportRequest("gen.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false,
                null, "tester");
    }
}
