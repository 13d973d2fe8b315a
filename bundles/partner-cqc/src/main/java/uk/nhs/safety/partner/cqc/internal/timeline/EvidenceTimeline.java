package uk.nhs.safety.partner.cqc.internal.timeline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.PartnerStore;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.cqc.internal.CqcPartner;

/**
 * The dated record CQC inspectors ask for: when a member published each version of its safety plan and each pledge
 * action, kept from the campaign's durable event log. Core delivers to it once per cluster, from the first event (a
 * CQC integration installed later replays the campaign's history); an event delivered twice updates its row, so the
 * timeline never shows a publication twice.
 */
@Component(service = {CampaignEventSubscriber.class, EvidenceTimeline.class})
public final class EvidenceTimeline implements CampaignEventSubscriber {

    /** The subscriber id: the cursor core keeps for this timeline. */
    public static final String SUBSCRIBER_ID = "cqc-evidence-timeline";

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceTimeline.class);

    /** One publication on a member's timeline. */
    public record Entry(long sequence, String odsCode, String topic, OffsetDateTime occurredAt, String summary,
                        String handledBy, int deliveries) {
    }

    private final PartnerDatabase database;
    private final String nodeId;

    @Activate
    public EvidenceTimeline(@Reference PartnerStore store, @Reference LocalNode node) {
        this(store.open(CqcPartner.ID, ScriptSource.classpath(uk.nhs.safety.partner.cqc.internal.CqcEvidenceService.class, "db")), node.id());
    }

    private EvidenceTimeline(PartnerDatabase database, String nodeId) {
        this.database = database;
        this.nodeId = nodeId;
    }

    /** The timeline in {@code database} (the CQC partner's tables), recording {@code nodeId} as its handler. */
    public static EvidenceTimeline on(PartnerDatabase database, String nodeId) {
        return new EvidenceTimeline(database, nodeId);
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of(CampaignTopics.PLAN_PUBLISHED, CampaignTopics.ACTIONS_PUBLISHED);
    }

    @Override
    public void onEvent(CampaignEvent event) {
        String ods = (String) event.properties().get(CampaignTopics.ODS_CODE);
        String summary = summary(event);
        database.inTransaction(c -> {
            try (PreparedStatement again = c.prepareStatement(
                    "UPDATE cqc_timeline SET deliveries = deliveries + 1, handled_by = ? WHERE sequence = ?")) {
                again.setString(1, nodeId);
                again.setLong(2, event.sequence());
                if (again.executeUpdate() > 0) {
                    LOG.info("Event {} was already on the CQC evidence timeline: delivered again", event.sequence());
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO cqc_timeline (sequence, ods_code, topic,"
                    + " occurred_at, summary, handled_by, deliveries) VALUES (?, ?, ?, ?, ?, ?, 1)")) {
                insert.setLong(1, event.sequence());
                insert.setString(2, ods);
                insert.setString(3, event.topic());
                insert.setObject(4, event.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setString(5, summary);
                insert.setString(6, nodeId);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The member's publications, newest first, at most {@code limit}. */
    public List<Entry> entries(String odsCode, int limit) {
        return database.read(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence, ods_code, topic, occurred_at, summary,"
                    + " handled_by, deliveries FROM cqc_timeline WHERE ods_code = ? ORDER BY sequence DESC")) {
                ps.setString(1, odsCode);
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6),
                                rs.getInt(7)));
                    }
                }
            }
            return entries;
        });
    }

    static String summary(CampaignEvent event) {
        Object actor = event.properties().get(CampaignTopics.ACTOR);
        if (CampaignTopics.PLAN_PUBLISHED.equals(event.topic())) {
            return "Safety improvement plan version " + event.properties().get(CampaignTopics.PLAN_VERSION)
                    + " published by " + actor;
        }
        return "Pledge " + event.properties().get(CampaignTopics.PLEDGE) + " action "
                + event.properties().get(CampaignTopics.ACTION_ID) + " published by " + actor;
    }
}
