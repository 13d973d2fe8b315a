package uk.nhs.safety.campaign.model.internal.member;

import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.SortedMap;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignSummary;
import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OdsCodes;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.audit.AuditLog;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;
import uk.nhs.safety.campaign.model.internal.event.EventPublisher;
import uk.nhs.safety.campaign.model.internal.event.NewEvent;
import uk.nhs.safety.campaign.model.internal.json.PlanJson;
import uk.nhs.safety.campaign.model.internal.ods.OdsExtractParser;
import uk.nhs.safety.campaign.model.internal.ods.OdsRecord;
import uk.nhs.safety.campaign.model.internal.validation.Checks;

/** Members: hand sign-ups, ODS imports, withdrawal and queries, stored in the {@code member} table. */
@Component(service = MemberService.class)
public class MemberServiceImpl implements MemberService {

    /** The actor demo seeding writes as; what it creates is flagged as demonstration data. */
    public static final String DEMO_ACTOR = "system:demo";
    /** The campaign's dates (joined, "today") are English dates. */
    public static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Europe/London");

    static final int NAME_MAX = 200;
    static final int REGION_MAX = 100;
    static final int POSTCODE_MAX = 16;
    /** How many members {@link #all()} reads at a time. */
    static final int ALL_PAGE = MemberQuery.MAX_LIMIT;

    private static final Logger LOG = LoggerFactory.getLogger(MemberServiceImpl.class);

    private final Database db;
    private final EventPublisher events;
    private final Clock clock;
    private final OdsExtractParser parser = new OdsExtractParser();
    private final PlanJson planJson = new PlanJson();

    @Activate
    public MemberServiceImpl(@Reference Database db, @Reference EventPublisher events) {
        this(db, events, Clock.system(CAMPAIGN_ZONE));
    }

    public MemberServiceImpl(Database db, EventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Member join(String actor, NewMember request) {
        Checks checks = new Checks().actor(actor);
        if (request == null) {
            throw new ValidationException(checks.add("member", null, "is required").violations());
        }
        OrganisationType type = checks.required("type", request.type());
        String code = OdsCodes.normalise(request.odsCode());
        if (code == null || code.isEmpty()) {
            checks.add("odsCode", request.odsCode(), "is required");
        } else if (type != null && !type.accepts(code)) {
            checks.add("odsCode", code, type.codeRule());
        }
        String name = checks.text("name", request.name(), NAME_MAX);
        String region = checks.optionalText("region", request.region(), REGION_MAX);
        String postcode = checks.optionalText("postcode", request.postcode(), POSTCODE_MAX);
        LocalDate today = LocalDate.now(clock);
        checks.check(request.joined() == null || !request.joined().isAfter(today), "joined", request.joined(),
                "cannot be in the future");
        checks.throwIfAny();

        Member member = new Member(code, name, type, region, postcode,
                request.joined() == null ? today : request.joined(), MemberStatus.ACTIVE, null, null,
                DEMO_ACTOR.equals(actor), 1);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            if (MemberRows.find(c, code).isPresent()) {
                throw alreadyMember(code);
            }
            try {
                insert(c, member);
            } catch (SQLException e) {
                // Another sign-up of the same code committed between our check and our insert.
                if (Sql.isUniqueViolation(e)) {
                    throw alreadyMember(code);
                }
                throw e;
            }
            AuditLog.write(c, now, actor, code, "member.joined", "member " + code,
                    "joined as " + type.label() + ": " + name);
            events.record(c, now, joined(actor, code));
            return null;
        });
        events.post(List.of(joined(actor, code)));
        return member;
    }

    @Override
    public Member withdraw(String actor, String odsCode, long expectedVersion) {
        new Checks().actor(actor).throwIfAny();
        String code = OdsCodes.normalise(odsCode);
        Instant now = clock.instant();
        Member withdrawn = db.inTransaction(c -> {
            Member current = MemberRows.require(c, code);
            if (current.version() != expectedVersion) {
                throw stale(code, expectedVersion, current.version());
            }
            if (current.status() == MemberStatus.WITHDRAWN) {
                return current;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE member SET status = ?,"
                    + " lock_version = lock_version + 1 WHERE ods_code = ? AND lock_version = ?")) {
                ps.setString(1, MemberStatus.WITHDRAWN.name());
                ps.setString(2, code);
                ps.setLong(3, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw stale(code, expectedVersion, MemberRows.require(c, code).version());
                }
            }
            AuditLog.write(c, now, actor, code, "member.withdrawn", "member " + code, "withdrew from the campaign");
            events.record(c, now, updated(actor, code));
            return MemberRows.require(c, code);
        });
        if (withdrawn.version() != expectedVersion) {
            events.post(List.of(updated(actor, code)));
        }
        return withdrawn;
    }

    @Override
    public Optional<Member> find(String odsCode) {
        String code = OdsCodes.normalise(odsCode);
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        return db.read(c -> MemberRows.find(c, code));
    }

    @Override
    public Page<Member> list(MemberQuery query) {
        MemberQuery q = query == null ? MemberQuery.all() : query;
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.type() != null) {
            conditions.add("type = ?");
            params.add(q.type().name());
        }
        if (q.status() != null) {
            conditions.add("status = ?");
            params.add(q.status().name());
        }
        if (q.region() != null && !q.region().isBlank()) {
            conditions.add("LOWER(region) = ?");
            params.add(q.region().strip().toLowerCase(Locale.ROOT));
        }
        if (q.text() != null && !q.text().isBlank()) {
            String text = likeEscape(q.text().strip().toUpperCase(Locale.ROOT));
            conditions.add("(ods_code LIKE ? ESCAPE '\\' OR UPPER(name) LIKE ? ESCAPE '\\')");
            params.add(text + "%");
            params.add("%" + text + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return db.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM member" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Member> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MemberRows.COLUMNS + " FROM member" + where
                    + " ORDER BY ods_code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                bind(ps, params);
                ps.setInt(params.size() + 1, q.offset());
                ps.setInt(params.size() + 2, q.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(MemberRows.map(rs));
                    }
                }
            }
            return new Page<>(items, total, q.offset(), q.limit());
        });
    }

    /**
     * Three queries whatever the number of members: the counts, the sign-ups grouped by month, and the published
     * plans (each member's plan row joined to its latest version; only the title is taken from the content).
     */
    @Override
    public CampaignSummary summary() {
        return db.read(c -> {
            int all;
            int active;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                    + " COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0) FROM member")) {
                ps.setString(1, MemberStatus.ACTIVE.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    all = rs.getInt(1);
                    active = rs.getInt(2);
                }
            }
            SortedMap<YearMonth, Integer> byMonth = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT EXTRACT(YEAR FROM joined),"
                    + " EXTRACT(MONTH FROM joined), COUNT(*) FROM member WHERE joined IS NOT NULL"
                    + " GROUP BY EXTRACT(YEAR FROM joined), EXTRACT(MONTH FROM joined)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMonth.put(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getInt(3));
                }
            }
            List<CampaignSummary.PublishedPlan> plans = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.ods_code, m.name, v.version_number,"
                    + " v.published_at, v.content FROM plan p JOIN member m ON m.ods_code = p.ods_code"
                    + " JOIN plan_version v ON v.ods_code = p.ods_code AND v.version_number = p.published_version"
                    + " WHERE p.published_version > 0 ORDER BY m.ods_code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plans.add(new CampaignSummary.PublishedPlan(rs.getString("ods_code"), rs.getString("name"),
                            planJson.read(rs.getString("content")).title(), rs.getInt("version_number"),
                            Sql.instant(rs, "published_at")));
                }
            }
            return new CampaignSummary(all, active, byMonth, plans);
        });
    }

    @Override
    public Stream<Member> all() {
        return all(ALL_PAGE);
    }

    /**
     * Every member in ODS code order, read {@code pageSize} at a time from after the last code read (not by offset),
     * so that members joining meanwhile never make the stream skip or repeat one.
     */
    Stream<Member> all(int pageSize) {
        Iterator<Member> pages = new Iterator<>() {
            private List<Member> page = List.of();
            private int index;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                String after = page.isEmpty() ? null : page.get(page.size() - 1).odsCode();
                page = pageAfter(after, pageSize);
                index = 0;
                last = page.size() < pageSize;
                return !page.isEmpty();
            }

            @Override
            public Member next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    private List<Member> pageAfter(String after, int pageSize) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MemberRows.COLUMNS + " FROM member"
                    + (after == null ? "" : " WHERE ods_code > ?") + " ORDER BY ods_code FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                if (after != null) {
                    ps.setString(i++, after);
                }
                ps.setInt(i, pageSize);
                List<Member> items = new ArrayList<>(pageSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(MemberRows.map(rs));
                    }
                }
                return items;
            }
        });
    }

    @Override
    public ImportResult importOdsExtract(String actor, Reader source, String sourceName) {
        Checks checks = new Checks().actor(actor);
        checks.required("source", source);
        checks.throwIfAny();
        String name = sourceName == null || sourceName.isBlank() ? "ODS extract" : sourceName.strip();
        List<OdsRecord> records = parser.parse(source, name);
        checkRecords(records);

        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        boolean demo = DEMO_ACTOR.equals(actor);
        List<String> added = new ArrayList<>();
        List<String> refreshed = new ArrayList<>();
        ImportResult result = db.inTransaction(c -> {
            Map<String, Member> existing = allMembers(c);
            int updated = 0;
            int unchanged = 0;
            int closed = 0;
            for (OdsRecord r : records) {
                if (r.closeDate() != null) {
                    closed++;
                }
                Member known = existing.get(r.odsCode());
                if (known == null) {
                    insert(c, new Member(r.odsCode(), r.name(), r.type(), r.region(), r.postcode(), today,
                            MemberStatus.ACTIVE, r.openDate(), r.closeDate(), demo, 1));
                    AuditLog.write(c, now, actor, r.odsCode(), "member.joined", "member " + r.odsCode(),
                            "joined from " + name + " line " + r.line() + " as " + r.type().label() + ": " + r.name());
                    added.add(r.odsCode());
                } else {
                    String changes = changes(known, r);
                    if (changes.isEmpty()) {
                        unchanged++;
                    } else {
                        updateOdsDetails(c, r);
                        AuditLog.write(c, now, actor, r.odsCode(), "member.updated", "member " + r.odsCode(),
                                "ODS details from " + name + " line " + r.line() + ": " + changes);
                        refreshed.add(r.odsCode());
                        updated++;
                    }
                }
            }
            // One event per member joined, appended as the transaction's last statement.
            events.record(c, now, importEvents(actor, added, refreshed));
            return new ImportResult(records.size(), added.size(), updated, unchanged, closed);
        });
        LOG.info("Imported {} by {}: {}", name, actor, result);
        events.post(importEvents(actor, added, refreshed));
        return result;
    }

    private static List<NewEvent> importEvents(String actor, List<String> added, List<String> refreshed) {
        List<NewEvent> all = new ArrayList<>();
        added.forEach(code -> all.add(joined(actor, code)));
        refreshed.forEach(code -> all.add(updated(actor, code)));
        return all;
    }

    private static NewEvent updated(String actor, String code) {
        return new NewEvent(CampaignTopics.MEMBER_UPDATED, Map.of(CampaignTopics.ODS_CODE, code,
                CampaignTopics.ACTOR, actor));
    }

    // The parser checks each row; these are the checks that need the whole file or the member rules.
    private static void checkRecords(List<OdsRecord> records) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (OdsRecord r : records) {
            Integer first = seen.putIfAbsent(r.odsCode(), r.line());
            if (first != null) {
                violations.add(Violation.atLine(r.line(), "code", r.odsCode(), "appears again (first on line "
                        + first + ")"));
            }
            if (r.type() == null || !r.type().accepts(r.odsCode())) {
                violations.add(Violation.atLine(r.line(), "code", r.odsCode(),
                        r.type() == null ? "has no organisation type" : r.type().codeRule()));
            }
            if (r.name() == null || r.name().isBlank() || r.name().length() > NAME_MAX) {
                violations.add(Violation.atLine(r.line(), "name", r.name(), "must be 1 to " + NAME_MAX
                        + " characters"));
            }
            if (r.postcode() != null && r.postcode().length() > POSTCODE_MAX) {
                violations.add(Violation.atLine(r.line(), "postcode", r.postcode(), "must be at most "
                        + POSTCODE_MAX + " characters"));
            }
            if (r.region() != null && r.region().length() > REGION_MAX) {
                violations.add(Violation.atLine(r.line(), "region", r.region(), "must be at most " + REGION_MAX
                        + " characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** What differs between the stored ODS details and the record; empty when nothing does. */
    private static String changes(Member m, OdsRecord r) {
        List<String> changes = new ArrayList<>();
        change(changes, "name", m.name(), r.name());
        change(changes, "region", m.region(), r.region());
        change(changes, "postcode", m.postcode(), r.postcode());
        change(changes, "open date", m.openDate(), r.openDate());
        change(changes, "close date", m.closeDate(), r.closeDate());
        return String.join("; ", changes);
    }

    private static void change(List<String> changes, String field, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.add(field + " " + old + " → " + now);
        }
    }

    private static void updateOdsDetails(Connection c, OdsRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE member SET name = ?, region = ?, postcode = ?,"
                + " open_date = ?, close_date = ?, lock_version = lock_version + 1 WHERE ods_code = ?")) {
            ps.setString(1, r.name());
            ps.setString(2, r.region());
            ps.setString(3, r.postcode());
            Sql.setDate(ps, 4, r.openDate());
            Sql.setDate(ps, 5, r.closeDate());
            ps.setString(6, r.odsCode());
            ps.executeUpdate();
        }
    }

    private static Map<String, Member> allMembers(Connection c) throws SQLException {
        Map<String, Member> members = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MemberRows.COLUMNS + " FROM member");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Member m = MemberRows.map(rs);
                members.put(m.odsCode(), m);
            }
        }
        return members;
    }

    private static void insert(Connection c, Member m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (" + MemberRows.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.odsCode());
            ps.setString(2, m.name());
            ps.setString(3, m.type().name());
            ps.setString(4, m.region());
            ps.setString(5, m.postcode());
            Sql.setDate(ps, 6, m.joined());
            ps.setString(7, m.status().name());
            Sql.setDate(ps, 8, m.openDate());
            Sql.setDate(ps, 9, m.closeDate());
            ps.setBoolean(10, m.demo());
            ps.setLong(11, m.version());
            ps.executeUpdate();
        }
    }

    private static NewEvent joined(String actor, String code) {
        return new NewEvent(CampaignTopics.MEMBER_JOINED, Map.of(CampaignTopics.ODS_CODE, code, CampaignTopics.ACTOR,
                actor));
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ValidationException alreadyMember(String code) {
        return new ValidationException(Violation.of("odsCode", code, "is already a member"));
    }

    private static StaleVersionException stale(String code, long expected, long current) {
        return new StaleVersionException("member " + code, expected, current);
    }
}
