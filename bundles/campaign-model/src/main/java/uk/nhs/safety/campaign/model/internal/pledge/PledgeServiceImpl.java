package uk.nhs.safety.campaign.model.internal.pledge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OdsCodes;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.PledgeSummary;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.audit.AuditLog;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;
import uk.nhs.safety.campaign.model.internal.event.EventPublisher;
import uk.nhs.safety.campaign.model.internal.event.NewEvent;
import uk.nhs.safety.campaign.model.internal.member.MemberRows;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.validation.Checks;

/**
 * Members' pledge actions, stored in {@code pledge_action}. Editing a published action keeps it published: the
 * public page shows the current text, and the audit trail keeps the old one.
 */
@Component(service = PledgeService.class)
public class PledgeServiceImpl implements PledgeService {

    static final int TEXT_MAX = 2000;
    static final int OWNER_ROLE_MAX = 100;

    private static final String COLUMNS = "id, ods_code, pledge, action_text, owner_role, due_date, status,"
            + " published, published_at, lock_version";
    private static final Comparator<PledgeAction> ORDER = Comparator.comparing(PledgeAction::pledge)
            .thenComparingLong(PledgeAction::id);

    private final Database db;
    private final EventPublisher events;
    private final Clock clock;

    @Activate
    public PledgeServiceImpl(@Reference Database db, @Reference EventPublisher events) {
        this(db, events, Clock.system(MemberServiceImpl.CAMPAIGN_ZONE));
    }

    public PledgeServiceImpl(Database db, EventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<PledgeAction> actions(String odsCode, boolean publishedOnly) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> {
            MemberRows.require(c, code);
            List<PledgeAction> actions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pledge_action WHERE ods_code = ?"
                    + (publishedOnly ? " AND published = TRUE" : ""))) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actions.add(map(rs));
                    }
                }
            }
            actions.sort(ORDER);
            return List.copyOf(actions);
        });
    }

    @Override
    public PledgeAction addAction(String actor, String odsCode, NewAction action) {
        String code = OdsCodes.normalise(odsCode);
        NewAction content = validate(actor, action);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            MemberRows.require(c, code);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pledge_action (ods_code, pledge, action_text,"
                    + " owner_role, due_date, status, published, published_at, lock_version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, FALSE, NULL, 1)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, code);
                ps.setString(2, content.pledge().name());
                ps.setString(3, content.text());
                ps.setString(4, content.ownerRole());
                Sql.setDate(ps, 5, content.dueDate());
                ps.setString(6, content.status().name());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong("id");
                }
            }
            AuditLog.write(c, now, actor, code, "action.added", "action " + id,
                    "pledge " + content.pledge().number() + " (" + content.status() + ", owner "
                            + content.ownerRole() + "): " + content.text());
            return find(c, code, id).orElseThrow();
        });
    }

    @Override
    public PledgeAction updateAction(String actor, String odsCode, long actionId, NewAction action,
                                     long expectedVersion) {
        String code = OdsCodes.normalise(odsCode);
        NewAction content = validate(actor, action);
        Instant now = clock.instant();
        NewEvent updated = new NewEvent(CampaignTopics.ACTION_UPDATED, Map.of(CampaignTopics.ODS_CODE, code,
                CampaignTopics.ACTOR, actor, CampaignTopics.ACTION_ID, actionId));
        PledgeAction result = db.inTransaction(c -> {
            PledgeAction old = require(c, code, actionId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE pledge_action SET pledge = ?, action_text = ?,"
                    + " owner_role = ?, due_date = ?, status = ?, lock_version = lock_version + 1"
                    + " WHERE id = ? AND ods_code = ? AND lock_version = ?")) {
                ps.setString(1, content.pledge().name());
                ps.setString(2, content.text());
                ps.setString(3, content.ownerRole());
                Sql.setDate(ps, 4, content.dueDate());
                ps.setString(5, content.status().name());
                ps.setLong(6, actionId);
                ps.setString(7, code);
                ps.setLong(8, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw new StaleVersionException("action " + actionId, expectedVersion, old.version());
                }
            }
            AuditLog.write(c, now, actor, code, "action.updated", "action " + actionId,
                    "was pledge " + old.pledge().number() + " (" + old.status() + ", owner " + old.ownerRole()
                            + ", due " + old.dueDate() + "): " + old.text());
            events.record(c, now, updated);
            return require(c, code, actionId);
        });
        events.post(List.of(updated));
        return result;
    }

    @Override
    public PledgeAction publishAction(String actor, String odsCode, long actionId, long expectedVersion) {
        new Checks().actor(actor).throwIfAny();
        String code = OdsCodes.normalise(odsCode);
        Instant now = clock.instant();
        Published result = db.inTransaction(c -> {
            PledgeAction current = require(c, code, actionId);
            if (current.version() != expectedVersion) {
                // published or not: a caller who has not seen the current version must look again (If-Match)
                throw new StaleVersionException("action " + actionId, expectedVersion, current.version());
            }
            if (current.published()) {
                return new Published(current, false);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE pledge_action SET published = TRUE,"
                    + " published_at = ?, lock_version = lock_version + 1"
                    + " WHERE id = ? AND ods_code = ? AND lock_version = ?")) {
                Sql.setInstant(ps, 1, now);
                ps.setLong(2, actionId);
                ps.setString(3, code);
                ps.setLong(4, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw new StaleVersionException("action " + actionId, expectedVersion, current.version());
                }
            }
            AuditLog.write(c, now, actor, code, "action.published", "action " + actionId,
                    "published under pledge " + current.pledge().number());
            PledgeAction published = require(c, code, actionId);
            events.record(c, now, actionPublished(actor, published));
            return new Published(published, true);
        });
        // Publishing an action already published changes nothing, so there is nothing to announce.
        if (result.now()) {
            events.post(List.of(actionPublished(actor, result.action())));
        }
        return result.action();
    }

    private record Published(PledgeAction action, boolean now) {
    }

    private static NewEvent actionPublished(String actor, PledgeAction action) {
        return new NewEvent(CampaignTopics.ACTIONS_PUBLISHED, Map.of(CampaignTopics.ODS_CODE, action.odsCode(),
                CampaignTopics.ACTOR, actor, CampaignTopics.ACTION_ID, action.id(), CampaignTopics.PLEDGE,
                action.pledge().name()));
    }

    @Override
    public PledgeSummary summary(String odsCode) {
        Map<Pledge, Integer> published = zeroes();
        Map<Pledge, Integer> drafts = zeroes();
        for (PledgeAction a : actions(odsCode, false)) {
            (a.published() ? published : drafts).merge(a.pledge(), 1, Integer::sum);
        }
        return new PledgeSummary(OdsCodes.normalise(odsCode), published, drafts);
    }

    private static Map<Pledge, Integer> zeroes() {
        Map<Pledge, Integer> counts = new EnumMap<>(Pledge.class);
        for (Pledge p : Pledge.values()) {
            counts.put(p, 0);
        }
        return counts;
    }

    private static NewAction validate(String actor, NewAction action) {
        Checks checks = new Checks().actor(actor);
        if (action == null) {
            checks.add("action", null, "is required").throwIfAny();
        }
        Pledge pledge = checks.required("pledge", action.pledge());
        String text = checks.text("text", action.text(), TEXT_MAX);
        String ownerRole = checks.text("ownerRole", action.ownerRole(), OWNER_ROLE_MAX);
        ActionStatus status = checks.required("status", action.status());
        checks.throwIfAny();
        return new NewAction(pledge, text, ownerRole, action.dueDate(), status);
    }

    private static PledgeAction require(Connection c, String code, long id) throws SQLException {
        Optional<PledgeAction> action = find(c, code, id);
        if (action.isEmpty()) {
            MemberRows.require(c, code);
            throw new NotFoundException("member " + code + " has no action " + id);
        }
        return action.get();
    }

    private static Optional<PledgeAction> find(Connection c, String code, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM pledge_action WHERE id = ? AND ods_code = ?")) {
            ps.setLong(1, id);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static PledgeAction map(ResultSet rs) throws SQLException {
        return new PledgeAction(rs.getLong("id"), rs.getString("ods_code"), Pledge.valueOf(rs.getString("pledge")),
                rs.getString("action_text"), rs.getString("owner_role"), Sql.date(rs, "due_date"),
                ActionStatus.valueOf(rs.getString("status")), rs.getBoolean("published"),
                Sql.instant(rs, "published_at"), rs.getLong("lock_version"));
    }
}
