package uk.nhs.safety.campaign.rest.internal.security;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;
import uk.nhs.safety.partner.testkit.TestPartnerDatabase;

/** {@link SessionStoreTest} on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class SessionStorePostgresTest extends SessionStoreTest {

    private final PostgresServer server;

    SessionStorePostgresTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    protected TestPartnerDatabase database() {
        return TestWebTables.postgres(server);
    }
}
