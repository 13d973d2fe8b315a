package uk.nhs.safety.campaign.model.internal.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OdsCodes;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.audit.AuditLog;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;
import uk.nhs.safety.campaign.model.internal.event.EventPublisher;
import uk.nhs.safety.campaign.model.internal.event.NewEvent;
import uk.nhs.safety.campaign.model.internal.json.PlanJson;
import uk.nhs.safety.campaign.model.internal.member.MemberRows;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.validation.Checks;

/**
 * Safety improvement plans: a working copy per member ({@code plan}) and its immutable published versions
 * ({@code plan_version}).
 *
 * <p>Creating a plan ({@code expectedVersion == null}) when the member already has one is refused with a
 * {@link StaleVersionException} whose expected version is 0: the caller edited "no plan", which is no longer
 * current, and should load the existing plan and re-apply the edit.
 */
@Component(service = PlanService.class)
public class PlanServiceImpl implements PlanService {

    static final Pattern FOCUS_AREA_CODE = Pattern.compile("[a-z0-9-]{2,40}");
    static final int FOCUS_AREA_LABEL_MAX = 100;

    private final Database db;
    private final EventPublisher events;
    private final Clock clock;
    private final PlanJson json = new PlanJson();

    @Activate
    public PlanServiceImpl(@Reference Database db, @Reference EventPublisher events) {
        this(db, events, Clock.system(MemberServiceImpl.CAMPAIGN_ZONE));
    }

    public PlanServiceImpl(Database db, EventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<SafetyPlan> plan(String odsCode) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> PlanRows.find(c, code, json));
    }

    @Override
    public Optional<PlanContent> visibleContent(String odsCode, CallerAccess caller) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> PlanRows.visibleContent(c, code, caller, json));
    }

    @Override
    public PlanVersion version(String odsCode, int number) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ods_code, version_number, published_at,"
                    + " published_by, content FROM plan_version WHERE ods_code = ? AND version_number = ?")) {
                ps.setString(1, code);
                ps.setInt(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return mapVersion(rs);
                    }
                }
            }
            MemberRows.require(c, code);
            throw new NotFoundException("member " + code + " has no published plan version " + number);
        });
    }

    @Override
    public List<PlanVersion> versions(String odsCode) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> {
            MemberRows.require(c, code);
            List<PlanVersion> versions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ods_code, version_number, published_at,"
                    + " published_by, content FROM plan_version WHERE ods_code = ? ORDER BY version_number")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.add(mapVersion(rs));
                    }
                }
            }
            return List.copyOf(versions);
        });
    }

    @Override
    public Optional<PlanVersion> latestPublished(String odsCode) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ods_code, version_number, published_at,"
                    + " published_by, content FROM plan_version WHERE ods_code = ?"
                    + " ORDER BY version_number DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(mapVersion(rs));
                    }
                }
            }
            MemberRows.require(c, code);
            return Optional.<PlanVersion>empty();
        });
    }

    @Override
    public SafetyPlan save(String actor, String odsCode, PlanContent content, Long expectedVersion) {
        Checks checks = new Checks().actor(actor);
        Set<String> vocabulary = new LinkedHashSet<>();
        focusAreas().forEach(a -> vocabulary.add(a.code()));
        PlanContent valid = PlanValidator.validate(content, vocabulary, checks);
        checks.throwIfAny();
        String code = OdsCodes.normalise(odsCode);
        String text = json.write(valid);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            MemberRows.require(c, code);
            Optional<SafetyPlan> current = PlanRows.find(c, code, json);
            if (expectedVersion == null) {
                if (current.isPresent()) {
                    throw stale(code, 0, current.get().version());
                }
                create(c, code, text, now, actor);
                AuditLog.write(c, now, actor, code, "plan.created", "plan", describe(valid));
                return new SafetyPlan(code, valid, PlanStatus.DRAFT, 0, now, actor, 1);
            }
            SafetyPlan plan = current.orElseThrow(() -> new NotFoundException("member " + code
                    + " has no plan yet; save one without a version to create it"));
            if (plan.version() != expectedVersion) {
                throw stale(code, expectedVersion, plan.version());
            }
            PlanStatus status = plan.publishedVersion() > 0
                    && valid.equals(publishedContent(c, code, plan.publishedVersion()))
                    ? PlanStatus.PUBLISHED : PlanStatus.DRAFT;
            try (PreparedStatement ps = c.prepareStatement("UPDATE plan SET content = ?, status = ?, updated_at = ?,"
                    + " updated_by = ?, lock_version = lock_version + 1 WHERE ods_code = ? AND lock_version = ?")) {
                ps.setString(1, text);
                ps.setString(2, status.name());
                Sql.setInstant(ps, 3, now);
                ps.setString(4, actor);
                ps.setString(5, code);
                ps.setLong(6, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw stale(code, expectedVersion, PlanRows.find(c, code, json).orElseThrow().version());
                }
            }
            AuditLog.write(c, now, actor, code, "plan.saved", "plan", describe(valid) + "; now " + status);
            return new SafetyPlan(code, valid, status, plan.publishedVersion(), now, actor, expectedVersion + 1);
        });
    }

    @Override
    public PlanVersion publish(String actor, String odsCode, long expectedVersion) {
        new Checks().actor(actor).throwIfAny();
        String code = OdsCodes.normalise(odsCode);
        Instant now = clock.instant();
        PlanVersion published = db.inTransaction(c -> {
            MemberRows.require(c, code);
            SafetyPlan plan = PlanRows.find(c, code, json).orElseThrow(() -> new NotFoundException("member " + code
                    + " has no plan to publish"));
            if (plan.version() != expectedVersion) {
                throw stale(code, expectedVersion, plan.version());
            }
            int latest = plan.publishedVersion();
            if (latest > 0 && plan.content().equals(publishedContent(c, code, latest))) {
                throw new ValidationException(Violation.of("plan", "version " + latest,
                        "nothing to publish: the plan has not changed since version " + latest + " was published"));
            }
            int number = latest + 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE plan SET status = ?, published_version = ?,"
                    + " updated_at = ?, updated_by = ?, lock_version = lock_version + 1"
                    + " WHERE ods_code = ? AND lock_version = ?")) {
                ps.setString(1, PlanStatus.PUBLISHED.name());
                ps.setInt(2, number);
                Sql.setInstant(ps, 3, now);
                ps.setString(4, actor);
                ps.setString(5, code);
                ps.setLong(6, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw stale(code, expectedVersion, PlanRows.find(c, code, json).orElseThrow().version());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_version (ods_code, version_number,"
                    + " published_at, published_by, content) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, code);
                ps.setInt(2, number);
                Sql.setInstant(ps, 3, now);
                ps.setString(4, actor);
                ps.setString(5, json.write(plan.content()));
                ps.executeUpdate();
            }
            AuditLog.write(c, now, actor, code, "plan.published", "plan version " + number,
                    "published " + describe(plan.content()));
            events.record(c, now, published(actor, code, number));
            return new PlanVersion(code, number, now, actor, plan.content());
        });
        events.post(List.of(published(actor, code, published.number())));
        return published;
    }

    private static NewEvent published(String actor, String code, int number) {
        return new NewEvent(CampaignTopics.PLAN_PUBLISHED, Map.of(CampaignTopics.ODS_CODE, code, CampaignTopics.ACTOR,
                actor, CampaignTopics.PLAN_VERSION, (long) number));
    }

    @Override
    public List<FocusArea> focusAreas() {
        return db.read(c -> {
            List<FocusArea> areas = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, label FROM focus_area ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    areas.add(new FocusArea(rs.getString("code"), rs.getString("label")));
                }
            }
            return List.copyOf(areas);
        });
    }

    @Override
    public FocusArea addFocusArea(String actor, FocusArea area) {
        Checks checks = new Checks().actor(actor);
        if (area == null) {
            checks.add("focusArea", null, "is required").throwIfAny();
        }
        String code = checks.required("code", area.code());
        if (code != null && !FOCUS_AREA_CODE.matcher(code).matches()) {
            checks.add("code", code, "must be 2 to 40 lower-case letters, digits and hyphens");
        }
        String label = checks.text("label", area.label(), FOCUS_AREA_LABEL_MAX);
        checks.throwIfAny();
        FocusArea added = new FocusArea(code, label);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO focus_area (code, label) VALUES (?, ?)")) {
                ps.setString(1, code);
                ps.setString(2, label);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new ValidationException(Violation.of("code", code, "is already in the vocabulary"));
                }
                throw e;
            }
            AuditLog.write(c, now, actor, null, "focus-area.added", "focus area " + code, label);
            return null;
        });
        return added;
    }

    private static void create(Connection c, String code, String text, Instant now, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan (ods_code, content, published_version,"
                + " status, updated_at, updated_by, lock_version) VALUES (?, ?, 0, ?, ?, ?, 1)")) {
            ps.setString(1, code);
            ps.setString(2, text);
            ps.setString(3, PlanStatus.DRAFT.name());
            Sql.setInstant(ps, 4, now);
            ps.setString(5, actor);
            ps.executeUpdate();
        } catch (SQLException e) {
            // A concurrent create committed first; it starts at version 1, as ours would have.
            if (Sql.isUniqueViolation(e)) {
                throw stale(code, 0, 1);
            }
            throw e;
        }
    }

    private PlanContent publishedContent(Connection c, String code, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT content FROM plan_version WHERE ods_code = ? AND version_number = ?")) {
            ps.setString(1, code);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? json.read(rs.getString(1)) : null;
            }
        }
    }

    private PlanVersion mapVersion(ResultSet rs) throws SQLException {
        return new PlanVersion(rs.getString("ods_code"), rs.getInt("version_number"),
                Sql.instant(rs, "published_at"), rs.getString("published_by"), json.read(rs.getString("content")));
    }

    private static String describe(PlanContent p) {
        return "'" + p.title() + "' " + p.periodStart() + " to " + p.periodEnd() + ", focus areas "
                + p.focusAreas() + ", " + p.diagram().primaryDrivers().size() + " primary and "
                + p.diagram().secondaryDrivers().size() + " secondary drivers, " + p.diagram().changeIdeas().size()
                + " change ideas, " + p.measures().size() + " measures";
    }

    private static StaleVersionException stale(String code, long expected, long current) {
        return new StaleVersionException("the plan of " + code, expected, current);
    }
}
