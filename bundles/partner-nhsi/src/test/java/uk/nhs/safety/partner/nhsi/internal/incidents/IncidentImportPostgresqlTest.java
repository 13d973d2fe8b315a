package uk.nhs.safety.partner.nhsi.internal.incidents;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresPartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresServer;

/** The incident import on PostgreSQL: COPY straight in on a first load, through the staging table and merge after. */
@ExtendWith(PostgresExtension.class)
class IncidentImportPostgresqlTest extends IncidentImportCases {

    IncidentImportPostgresqlTest(PostgresServer postgres) {
        super(new PostgresPartnerDatabase(postgres, "nhsi", ScriptSource.classpath(NhsiService.class, "db")));
    }
}
