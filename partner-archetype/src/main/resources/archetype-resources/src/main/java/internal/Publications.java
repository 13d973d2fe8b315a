package ${package}.internal;

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

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.PartnerStore;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

/**
 * Every safety plan a member publishes, kept in this partner's own table ({@code ${partnerId}_publication}, created by
 * the scripts in {@code db/}) from the campaign's durable event log. The platform delivers each event once per
 * cluster, from the first event in the log (installed later, it catches up on the whole history); an event delivered
 * again (after a failure, a node's crash or a rewind) changes nothing.
 */
@Component(service = {CampaignEventSubscriber.class, Publications.class})
public final class Publications implements CampaignEventSubscriber {

    /** The subscriber id: the key of the cursor the platform keeps for this subscriber. */
    public static final String SUBSCRIBER_ID = Integration.ID + "-publications";

    private static final Logger LOG = LoggerFactory.getLogger(Publications.class);

    /** One published plan version. */
    public record Publication(long sequence, String odsCode, long planVersion, OffsetDateTime publishedAt) {
    }

    private final PartnerDatabase database;

    /** Migrates this partner's tables (refused, with the reason, if a script breaks the platform's rules). */
    @Activate
    public Publications(@Reference PartnerStore store) {
        this(store.open(Integration.ID, ScriptSource.classpath(Publications.class, "db")));
    }

    private Publications(PartnerDatabase database) {
        this.database = database;
    }

    /** Publications kept in {@code database} (for tests, on the partner test kit's database). */
    public static Publications on(PartnerDatabase database) {
        return new Publications(database);
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of(CampaignTopics.PLAN_PUBLISHED);
    }

    @Override
    public void onEvent(CampaignEvent event) {
        String ods = (String) event.properties().get(CampaignTopics.ODS_CODE);
        // planVersion is a Long (see the platform's docs/api-conventions.md, event properties)
        long planVersion = ((Number) event.properties().get(CampaignTopics.PLAN_VERSION)).longValue();
        database.inTransaction(c -> {
            try (PreparedStatement seen = c.prepareStatement(
                    "SELECT 1 FROM ${partnerId}_publication WHERE sequence = ?")) {
                seen.setLong(1, event.sequence());
                try (ResultSet rs = seen.executeQuery()) {
                    if (rs.next()) {
                        LOG.info("Event {} is already recorded: delivered again, nothing changed", event.sequence());
                        return null;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ${partnerId}_publication"
                    + " (sequence, ods_code, plan_version, published_at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, event.sequence());
                insert.setString(2, ods);
                insert.setLong(3, planVersion);
                insert.setObject(4, event.occurredAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The member's published plan versions, newest first, at most {@code limit}. */
    public List<Publication> of(String odsCode, int limit) {
        return database.read(c -> {
            List<Publication> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence, ods_code, plan_version, published_at"
                    + " FROM ${partnerId}_publication WHERE ods_code = ? ORDER BY sequence DESC")) {
                ps.setString(1, odsCode);
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Publication(rs.getLong(1), rs.getString(2), rs.getLong(3),
                                rs.getObject(4, OffsetDateTime.class)));
                    }
                }
            }
            return found;
        });
    }

    /** How many publications are recorded. */
    public long count() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ${partnerId}_publication");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
