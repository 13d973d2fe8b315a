package uk.nhs.safety.campaign.model.internal.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.pledge.PledgeServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/**
 * Every change of what the public sees has an event (published content is cached on every node and dropped by
 * events): withdrawals, ODS refreshes and edits of actions, besides the joins and publications announced before.
 */
class ChangeEventsTest {

    private final TestDatabase store;
    private final RecordingEvents events = new RecordingEvents();
    private final MemberServiceImpl members;
    private final PledgeServiceImpl pledges;

    ChangeEventsTest(TestDatabase store) {
        this.store = store;
        this.members = new MemberServiceImpl(store.database, events, TestDatabase.CLOCK);
        this.pledges = new PledgeServiceImpl(store.database, events, TestDatabase.CLOCK);
    }

    private Member join() {
        return members.join("alice", new NewMember("RGT", "Old name", OrganisationType.ACUTE, null, null,
                LocalDate.of(2014, 6, 24)));
    }

    @StoreTest
    void announcesAWithdrawalOnceAndInTheEventLog() {
        Member joined = join();

        Member withdrawn = members.withdraw("alice", "RGT", joined.version());
        members.withdraw("alice", "RGT", withdrawn.version());

        assertThat(events.posted(CampaignTopics.MEMBER_UPDATED)).containsExactly(new RecordingEvents.Posted(
                CampaignTopics.MEMBER_UPDATED, Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "alice")));
        assertThat(store.count("SELECT COUNT(*) FROM event_log WHERE topic = ?", CampaignTopics.MEMBER_UPDATED))
                .isEqualTo(1);
    }

    @StoreTest
    void announcesOdsDetailsRefreshedByAnImportButNotAnUnchangedRow() {
        join();
        String row = "RGT,CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST,Y61,Q79,ADDENBROOKE'S HOSPITAL,"
                + "HILLS ROAD,,CAMBRIDGE,CAMBRIDGESHIRE,CB2 0QQ,19920401,,,,,,,,,,,0,,G\n";

        members.importOdsExtract("importer", new StringReader(row), "etr-update.csv");
        members.importOdsExtract("importer", new StringReader(row), "etr-again.csv");

        assertThat(events.posted(CampaignTopics.MEMBER_UPDATED)).containsExactly(new RecordingEvents.Posted(
                CampaignTopics.MEMBER_UPDATED, Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR,
                        "importer")));
    }

    @StoreTest
    void announcesAnEditOfAnAction() {
        join();
        PledgeAction added = pledges.addAction("ed", "RGT", new NewAction(Pledge.PUT_SAFETY_FIRST, "First text",
                "Medical Director", null, ActionStatus.PLANNED));

        pledges.updateAction("ed", "RGT", added.id(), new NewAction(Pledge.PUT_SAFETY_FIRST, "Second text",
                "Medical Director", null, ActionStatus.IN_PROGRESS), added.version());

        assertThat(events.posted(CampaignTopics.ACTION_UPDATED)).containsExactly(new RecordingEvents.Posted(
                CampaignTopics.ACTION_UPDATED, Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "ed",
                        CampaignTopics.ACTION_ID, added.id())));
        assertThat(store.count("SELECT COUNT(*) FROM event_log WHERE topic = ?", CampaignTopics.ACTION_UPDATED))
                .isEqualTo(1);
    }
}
