package uk.nhs.safety.itests;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * Every test of {@link PartnerRoutesIT}, the three partners' tables included, on a real PostgreSQL (embedded, or the
 * server named by {@code -Dsafety.test.postgresql.url}), one distribution started for all of them.
 */
@ExtendWith(PostgresExtension.class)
class PartnerRoutesOnPostgresqlIT extends PartnerRoutesIT {

    private final PostgresServer postgres;

    PartnerRoutesOnPostgresqlIT(PostgresServer postgres) {
        this.postgres = postgres;
    }

    @Override
    void chooseDatabase(KarafProcess distribution) throws Exception {
        String database = postgres.createDatabase();
        distribution.usePostgresql(postgres.url(database), postgres.user(), postgres.password());
    }
}
