package uk.nhs.safety.partner.cqc.internal.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresPartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresServer;
import uk.nhs.safety.partner.testkit.TestPartnerDatabase;

@ExtendWith(PostgresExtension.class)
class EvidenceTimelineTest {

    private static final ScriptSource SCRIPTS = ScriptSource.classpath(CqcEvidenceService.class, "db");
    private static final Instant AT = Instant.parse("2015-06-30T09:15:00Z");

    @Test
    void keepsEachPublicationOnceEvenWhenDeliveredAgainOnH2() {
        keepsEachPublicationOnce(new H2PartnerDatabase("cqc", SCRIPTS));
    }

    @Test
    void keepsEachPublicationOnceEvenWhenDeliveredAgainOnPostgresql(PostgresServer postgres) {
        keepsEachPublicationOnce(new PostgresPartnerDatabase(postgres, "cqc", SCRIPTS));
    }

    private static void keepsEachPublicationOnce(TestPartnerDatabase db) {
        EvidenceTimeline nodeA = EvidenceTimeline.on(db, "node-a");
        EvidenceTimeline nodeB = EvidenceTimeline.on(db, "node-b");
        CampaignEvent plan = new CampaignEvent(7, CampaignTopics.PLAN_PUBLISHED, AT, "node-a", Map.of(
                CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "rgt-editor", CampaignTopics.PLAN_VERSION, 3L));
        CampaignEvent action = new CampaignEvent(9, CampaignTopics.ACTIONS_PUBLISHED, AT.plusSeconds(60), "node-b",
                Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "admin", CampaignTopics.ACTION_ID, 42L,
                        CampaignTopics.PLEDGE, "COLLABORATE"));

        nodeA.onEvent(plan);
        nodeA.onEvent(action);
        nodeB.onEvent(plan); // delivered again after node A died before moving its cursor

        assertThat(nodeB.entries("RGT", 10)).containsExactly(
                new EvidenceTimeline.Entry(9, "RGT", CampaignTopics.ACTIONS_PUBLISHED,
                        OffsetDateTime.of(2015, 6, 30, 9, 16, 0, 0, ZoneOffset.UTC),
                        "Pledge COLLABORATE action 42 published by admin", "node-a", 1),
                new EvidenceTimeline.Entry(7, "RGT", CampaignTopics.PLAN_PUBLISHED,
                        OffsetDateTime.of(2015, 6, 30, 9, 15, 0, 0, ZoneOffset.UTC),
                        "Safety improvement plan version 3 published by rgt-editor", "node-b", 2));
        assertThat(nodeA.entries("RGT", 1)).extracting(EvidenceTimeline.Entry::sequence).containsExactly(9L);
        assertThat(nodeA.entries("RJZ", 10)).isEmpty();
    }

    @Test
    void isDeliveredOncePerClusterFromTheStartOfTheLog() {
        EvidenceTimeline timeline = EvidenceTimeline.on(new H2PartnerDatabase("cqc", SCRIPTS), "node-a");

        assertThat(timeline.subscriberId()).isEqualTo("cqc-evidence-timeline");
        assertThat(timeline.delivery()).isEqualTo(CampaignEventSubscriber.Delivery.ONCE_PER_CLUSTER);
        assertThat(timeline.start()).isEqualTo(CampaignEventSubscriber.Start.BEGINNING);
        assertThat(timeline.topics()).containsExactlyInAnyOrder(CampaignTopics.PLAN_PUBLISHED,
                CampaignTopics.ACTIONS_PUBLISHED);
    }
}
