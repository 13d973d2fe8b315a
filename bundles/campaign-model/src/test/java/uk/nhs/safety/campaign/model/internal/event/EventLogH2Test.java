package uk.nhs.safety.campaign.model.internal.event;

import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/** The event log on H2 (in memory). */
class EventLogH2Test extends EventLogContract {

    EventLogH2Test() {
        super(TestDatabase.dataSource());
    }
}
