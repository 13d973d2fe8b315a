package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * {@link DistributionIT} on a real PostgreSQL (embedded, or the server named by {@code -Dsafety.test.postgresql.url}):
 * the unpacked distribution's {@code etc/org.ops4j.datasource-safety.cfg} names PostgreSQL before the first start,
 * nothing else (no feature to install, no console step), and it seeds, serves and restarts on PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class DistributionOnPostgresqlIT extends DistributionIT {

    private final PostgresServer postgres;
    private String database;

    DistributionOnPostgresqlIT(PostgresServer postgres) {
        this.postgres = postgres;
    }

    @Override
    void chooseDatabase(KarafProcess distribution) throws Exception {
        database = postgres.createDatabase();
        distribution.usePostgresql(postgres.url(database), postgres.user(), postgres.password());
    }

    @Override
    void checkStore(Path home) throws Exception {
        assertThat(home.resolve("data/safety/campaign.mv.db")).as("no H2 database made on the side").doesNotExist();
        try (Connection c = postgres.dataSource(database).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM member")) {
            rs.next();
            // the 241 trusts of etr.csv (DistributionIT waits for "of 241 members" before and after the restart)
            assertThat(rs.getLong(1)).isEqualTo(241);
        }
    }

    /**
     * Not run here (no {@code @Test}): the partner template's cycle is about the partner's packaging and core's
     * bundles, not the store; DistributionIT runs it once. Its tables on PostgreSQL are the partner kit's business.
     */
    @Override
    void aPartnerMadeFromTheTemplateInstallsUpgradesUnderCoreTrafficAndUninstallsWithCoreUntouched() {
    }
}
