package uk.nhs.safety.partner.nhsi.internal.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresPartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * The incident import on PostgreSQL: COPY straight in on a first load (the key dropped and built again at the end),
 * through the staging table and merge after.
 */
@ExtendWith(PostgresExtension.class)
class IncidentImportPostgresqlTest extends IncidentImportCases {

    private static final String KEY = "SELECT COUNT(*) FROM pg_constraint WHERE conname = 'nhsi_incident_pkey'"
            + " AND contype = 'p'";

    IncidentImportPostgresqlTest(PostgresServer postgres) {
        super(new PostgresPartnerDatabase(postgres, "nhsi", ScriptSource.classpath(NhsiService.class, "db")));
    }

    @Test
    void aFirstLoadEndsWithTheKeyInPlace() {
        run(HEADER + "RGT,2015-04,medication,low,10\nRJZ,2015-04,medication,low,3\n", false, null);

        assertThat(tables.count(KEY)).isEqualTo(1);
        assertThatThrownBy(() -> tables.inTransaction(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO nhsi_incident SELECT * FROM nhsi_incident");
            }
        })).hasMessageContaining("nhsi_incident_pkey");
    }

    @Test
    void aRefusedFirstLoadLeavesTheEmptyTableWithItsKey() {
        assertThatThrownBy(() -> run(HEADER + "RGT,2015-04,medication,low,10\nRGT,2015-05,medication,low,x\n",
                false, null)).isInstanceOf(ValidationException.class);

        assertThat(tables.count("SELECT COUNT(*) FROM nhsi_incident")).isZero();
        assertThat(tables.count(KEY)).isEqualTo(1);
    }
}
