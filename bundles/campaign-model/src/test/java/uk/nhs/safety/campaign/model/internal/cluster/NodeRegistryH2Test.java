package uk.nhs.safety.campaign.model.internal.cluster;

import javax.sql.DataSource;

import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class NodeRegistryH2Test extends NodeRegistryContract {

    @Override
    DataSource emptyDatabase() {
        return TestDatabase.dataSource();
    }
}
