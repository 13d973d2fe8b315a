package uk.nhs.safety.campaign.model.internal.event;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

/** The event log on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class EventLogPostgresTest extends EventLogContract {

    EventLogPostgresTest(PostgresServer postgres) {
        super(postgres.newDatabase());
    }
}
