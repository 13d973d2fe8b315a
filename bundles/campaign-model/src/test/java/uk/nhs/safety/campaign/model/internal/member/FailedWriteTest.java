package uk.nhs.safety.campaign.model.internal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;
import uk.nhs.safety.campaign.model.internal.testing.FailingCommits;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class FailedWriteTest {

    private final TestDatabase store;

    FailedWriteTest(TestDatabase store) {
        this.store = store;
    }

    @StoreTest
    void aWriteThatFailsToCommitLeavesNeitherTheChangeNorItsAuditRowNorAnEvent() {
        FailingCommits failing = new FailingCommits(store.dataSource);
        RecordingEvents events = new RecordingEvents();
        MemberServiceImpl members = new MemberServiceImpl(new Database(failing.dataSource,
                Migrations.bundled(TestDatabase.CLOCK)), events, TestDatabase.CLOCK);
        failing.failFromNowOn();

        assertThatThrownBy(() -> members.join("alice", new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null,
                null, null)))
                .isInstanceOf(CampaignException.class)
                .hasMessageContaining("disk full (simulated)");
        assertThat(store.count("SELECT COUNT(*) FROM member")).isZero();
        assertThat(store.auditRows()).isZero();
        assertThat(events.posted()).isEmpty();
    }
}
