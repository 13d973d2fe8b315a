package uk.nhs.safety.campaign.model.internal.cluster;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

@ExtendWith(PostgresExtension.class)
class NodeRegistryPostgresTest extends NodeRegistryContract {

    private PostgresServer postgres;

    @BeforeEach
    void server(PostgresServer server) {
        this.postgres = server;
    }

    @Override
    DataSource emptyDatabase() {
        return postgres.newDatabase();
    }
}
