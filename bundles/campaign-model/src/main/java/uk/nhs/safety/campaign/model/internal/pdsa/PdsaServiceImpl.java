package uk.nhs.safety.campaign.model.internal.pdsa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OdsCodes;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.pdsa.ChartNote;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaDecision;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;
import uk.nhs.safety.campaign.model.internal.audit.AuditLog;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;
import uk.nhs.safety.campaign.model.internal.event.EventPublisher;
import uk.nhs.safety.campaign.model.internal.event.NewEvent;
import uk.nhs.safety.campaign.model.internal.json.PlanJson;
import uk.nhs.safety.campaign.model.internal.member.MemberRows;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.plan.PlanRows;
import uk.nhs.safety.campaign.model.internal.validation.Checks;

/**
 * PDSA cycles ({@code pdsa_cycle}) and annotations of measured periods ({@code measurement.annotation}).
 *
 * <p>Cycles live in a table of their own keyed by member, change idea and number, not in the versioned plan
 * content: they are recorded week by week while a plan runs, and a new plan version for each would bury the
 * versions that mean something (a changed aim, new measures). Like measurements they are public once recorded;
 * who sees which cycles follows the plan a caller may see (a cycle of a change idea that is only in a draft is
 * seen by the member's editors only).
 */
@Component(service = PdsaService.class)
public class PdsaServiceImpl implements PdsaService {

    /** Published (durably, with the change) when a cycle is recorded or changed. */
    public static final String CYCLE_CHANGED = CampaignTopics.PREFIX + "pdsa/CYCLE_CHANGED";
    /** Published when a measured period's annotation is set or deleted. */
    public static final String ANNOTATED = CampaignTopics.PREFIX + "measure/ANNOTATED";

    static final int TEXT_MAX = 2000;
    static final int OWNER_MAX = 200;
    static final int ANNOTATION_MAX = 500;

    private static final String COLUMNS = "ods_code, change_idea, cycle_number, measure_keys, plan_text,"
            + " owner_name, planned_start, planned_end, prediction, done_text, done_from, done_to, study_text,"
            + " decision, follows, updated_at, updated_by, lock_version";

    private final Database db;
    private final EventPublisher events;
    private final Clock clock;
    private final PlanJson json = new PlanJson();

    @Activate
    public PdsaServiceImpl(@Reference Database db, @Reference EventPublisher events) {
        this(db, events, Clock.system(MemberServiceImpl.CAMPAIGN_ZONE));
    }

    public PdsaServiceImpl(Database db, EventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<PdsaCycle> cycles(String odsCode, CallerAccess caller) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> {
            MemberRows.require(c, code);
            Set<String> ideas = PlanRows.visibleContent(c, code, caller, json)
                    .map(p -> p.diagram().changeIdeas().stream().map(ChangeIdea::key).collect(Collectors.toSet()))
                    .orElse(Set.of());
            return load(c, code).stream().filter(cy -> ideas.contains(cy.changeIdea())).toList();
        });
    }

    @Override
    public PdsaCycle add(String actor, String odsCode, PdsaCycleInput cycle) {
        String code = OdsCodes.normalise(odsCode);
        Checks checks = new Checks().actor(actor);
        PdsaCycleInput input = shape(cycle, checks);
        Instant now = clock.instant();
        NewEvent event = event(code, actor, input.changeIdea());
        PdsaCycle added = db.inTransaction(c -> {
            List<PdsaCycle> all = load(c, code);
            // every problem at once: the shape's and the plan's (nothing is written before this)
            checkAgainstPlan(c, code, input, null, all, checks);
            int number = all.stream().filter(cy -> cy.changeIdea().equals(input.changeIdea()))
                    .mapToInt(PdsaCycle::number).max().orElse(0) + 1;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pdsa_cycle (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, code);
                ps.setString(2, input.changeIdea());
                ps.setInt(3, number);
                int i = bind(ps, 4, input);
                Sql.setInstant(ps, i, now);
                ps.setString(i + 1, actor);
                ps.setLong(i + 2, 1);
                ps.executeUpdate();
            }
            AuditLog.write(c, now, actor, code, "pdsa.added", "PDSA cycle " + input.changeIdea() + "#" + number,
                    describe(input));
            events.record(c, now, event);
            return new PdsaCycle(code, number, input, null, now, actor, 1);
        });
        events.post(List.of(event));
        return added;
    }

    @Override
    public PdsaCycle update(String actor, String odsCode, String changeIdea, int number, PdsaCycleInput cycle,
                            long expectedVersion) {
        String code = OdsCodes.normalise(odsCode);
        Checks checks = new Checks().actor(actor);
        PdsaCycleInput given = shape(cycle, checks);
        checks.check(given.changeIdea() == null || given.changeIdea().equals(changeIdea), "changeIdea",
                given.changeIdea(), "cannot change: a cycle stays with the change idea it tested ("
                        + changeIdea + ")");
        PdsaCycleInput input = withIdea(given, changeIdea);
        Instant now = clock.instant();
        NewEvent event = event(code, actor, changeIdea);
        PdsaCycle updated = db.inTransaction(c -> {
            List<PdsaCycle> all = load(c, code);
            PdsaCycle old = all.stream().filter(cy -> cy.changeIdea().equals(changeIdea) && cy.number() == number)
                    .findFirst().orElseThrow(() -> new NotFoundException("member " + code + " has no PDSA cycle "
                            + number + " of change idea '" + changeIdea + "'"));
            if (old.version() != expectedVersion) {
                throw new StaleVersionException("PDSA cycle " + changeIdea + "#" + number, expectedVersion,
                        old.version());
            }
            checkAgainstPlan(c, code, input, old, all, checks);
            try (PreparedStatement ps = c.prepareStatement("UPDATE pdsa_cycle SET measure_keys = ?, plan_text = ?,"
                    + " owner_name = ?, planned_start = ?, planned_end = ?, prediction = ?, done_text = ?,"
                    + " done_from = ?, done_to = ?, study_text = ?, decision = ?, follows = ?, updated_at = ?,"
                    + " updated_by = ?, lock_version = lock_version + 1"
                    + " WHERE ods_code = ? AND change_idea = ? AND cycle_number = ? AND lock_version = ?")) {
                int i = bind(ps, 1, input);
                Sql.setInstant(ps, i, now);
                ps.setString(i + 1, actor);
                ps.setString(i + 2, code);
                ps.setString(i + 3, changeIdea);
                ps.setInt(i + 4, number);
                ps.setLong(i + 5, expectedVersion);
                if (ps.executeUpdate() != 1) {
                    throw new StaleVersionException("PDSA cycle " + changeIdea + "#" + number, expectedVersion,
                            old.version());
                }
            }
            AuditLog.write(c, now, actor, code, "pdsa.updated", "PDSA cycle " + changeIdea + "#" + number,
                    describe(input));
            events.record(c, now, event);
            return new PdsaCycle(code, number, input, old.next(), now, actor, expectedVersion + 1);
        });
        events.post(List.of(event));
        return updated;
    }

    @Override
    public ChartNote annotate(String actor, String odsCode, String measureKey, LocalDate period, String text) {
        String code = OdsCodes.normalise(odsCode);
        Checks checks = new Checks().actor(actor);
        checks.text("measureKey", measureKey, 50);
        checks.required("period", period);
        String note = checks.optionalText("annotation", text, ANNOTATION_MAX);
        checks.throwIfAny();
        Instant now = clock.instant();
        NewEvent event = new NewEvent(ANNOTATED, Map.of(CampaignTopics.ODS_CODE, code, CampaignTopics.ACTOR, actor,
                CampaignTopics.MEASURE_KEY, measureKey, CampaignTopics.PERIOD, period.toString()));
        db.inTransaction(c -> {
            MemberRows.require(c, code);
            SafetyPlan plan = PlanRows.find(c, code, json).orElseThrow(() -> new NotFoundException(
                    "member " + code + " has no plan, so no measure '" + measureKey + "'"));
            if (plan.content().measures().stream().noneMatch(m -> m.key().equals(measureKey))) {
                throw new NotFoundException("the plan of " + code + " has no measure '" + measureKey + "'");
            }
            String old;
            try (PreparedStatement ps = c.prepareStatement("SELECT annotation FROM measurement"
                    + " WHERE ods_code = ? AND measure_key = ? AND period_start = ?")) {
                ps.setString(1, code);
                ps.setString(2, measureKey);
                Sql.setDate(ps, 3, period);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new uk.nhs.safety.campaign.api.ValidationException(
                                uk.nhs.safety.campaign.api.Violation.of("period", period, "has no value of measure '"
                                        + measureKey + "' yet; record the value first, then annotate it"));
                    }
                    old = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE measurement SET annotation = ?"
                    + " WHERE ods_code = ? AND measure_key = ? AND period_start = ?")) {
                ps.setString(1, note);
                ps.setString(2, code);
                ps.setString(3, measureKey);
                Sql.setDate(ps, 4, period);
                ps.executeUpdate();
            }
            AuditLog.write(c, now, actor, code, note == null ? "measure.annotation-deleted" : "measure.annotated",
                    "measure " + measureKey + " " + period,
                    (old == null ? "(none)" : "'" + old + "'") + " → " + (note == null ? "(none)" : "'" + note + "'"));
            events.record(c, now, event);
            return null;
        });
        events.post(List.of(event));
        return note == null ? null : ChartNote.annotation(period, note);
    }

    @Override
    public List<ChartNote> chartNotes(String odsCode, String measureKey, CallerAccess caller) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> {
            MemberRows.require(c, code);
            PlanContent content = PlanRows.visibleContent(c, code, caller, json)
                    .filter(p -> p.measures().stream().anyMatch(m -> m.key().equals(measureKey)))
                    .orElseThrow(() -> new NotFoundException("member " + code + " has no measure '" + measureKey
                            + "' in a plan you may see"));
            Set<String> ideas = content.diagram().changeIdeas().stream().map(ChangeIdea::key)
                    .collect(Collectors.toSet());
            List<LocalDate> periods = new ArrayList<>();
            List<ChartNote> notes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT period_start, annotation FROM measurement"
                    + " WHERE ods_code = ? AND measure_key = ? ORDER BY period_start")) {
                ps.setString(1, code);
                ps.setString(2, measureKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate period = Sql.date(rs, "period_start");
                        periods.add(period);
                        String text = rs.getString("annotation");
                        if (text != null) {
                            notes.add(ChartNote.annotation(period, text));
                        }
                    }
                }
            }
            for (PdsaCycle cycle : load(c, code)) {
                PdsaCycleInput in = cycle.content();
                if (ideas.contains(in.changeIdea()) && in.measures().contains(measureKey)) {
                    LocalDate started = in.doneFrom() != null ? in.doneFrom() : in.plannedStart();
                    notes.add(new ChartNote(periodOf(periods, started), in.plan(), in.changeIdea(), cycle.number(),
                            started, in.decision()));
                }
            }
            notes.sort(Comparator.comparing(ChartNote::period, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(n -> n.pdsa() ? 1 : 0)
                    .thenComparing(n -> n.started() == null ? LocalDate.MIN : n.started()));
            return List.copyOf(notes);
        });
    }

    /** The latest measured period on or before the day, or {@code null} when the day is before them all. */
    static LocalDate periodOf(List<LocalDate> periods, LocalDate day) {
        LocalDate found = null;
        for (LocalDate p : periods) {
            if (!p.isAfter(day)) {
                found = p;
            }
        }
        return found;
    }

    // --- validation --------------------------------------------------------------------------------------------------

    /** Checks what needs no database; returns the input trimmed. */
    static PdsaCycleInput shape(PdsaCycleInput in, Checks checks) {
        if (in == null) {
            checks.add("cycle", null, "is required");
            return new PdsaCycleInput(null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        String idea = in.changeIdea() == null || in.changeIdea().isBlank() ? null : in.changeIdea().strip();
        String plan = checks.text("plan", in.plan(), TEXT_MAX);
        String owner = checks.text("owner", in.owner(), OWNER_MAX);
        checks.required("plannedStart", in.plannedStart());
        String prediction = checks.text("prediction", in.prediction(), TEXT_MAX);
        if (in.plannedStart() != null && in.plannedEnd() != null) {
            checks.check(!in.plannedEnd().isBefore(in.plannedStart()), "plannedEnd", in.plannedEnd(),
                    "is before plannedStart " + in.plannedStart());
        }
        String done = checks.optionalText("done", in.done(), TEXT_MAX);
        String study = checks.optionalText("study", in.study(), TEXT_MAX);
        if (done == null) {
            checks.check(in.doneFrom() == null, "doneFrom", in.doneFrom(),
                    "needs 'done': say what was done in the Do stage");
            checks.check(in.doneTo() == null, "doneTo", in.doneTo(), "needs 'done': say what was done in the Do stage");
        } else {
            checks.check(in.doneFrom() != null, "doneFrom", null, "is required with 'done': the day the test began");
        }
        if (in.doneFrom() != null && in.doneTo() != null) {
            checks.check(!in.doneTo().isBefore(in.doneFrom()), "doneTo", in.doneTo(),
                    "is before doneFrom " + in.doneFrom());
        }
        checks.check(study == null || done != null, "study", abbreviate(study),
                "needs the Do stage first ('done' and 'doneFrom'): study what was done");
        checks.check(in.decision() == null || study != null, "decision", in.decision(),
                "needs the Study stage first ('study': what happened, compared with the prediction)");
        if (in.follows() != null) {
            checks.check(in.follows() >= 1, "follows", in.follows(), "must be the number of an earlier cycle (1 or"
                    + " more)");
        }
        List<String> measures = new ArrayList<>(new LinkedHashSet<>(in.measures().stream()
                .map(k -> k == null ? "" : k.strip()).toList()));
        for (int i = 0; i < measures.size(); i++) {
            checks.check(!measures.get(i).isEmpty(), "measures[" + i + "]", measures.get(i), "is blank");
        }
        return new PdsaCycleInput(idea, measures, plan, owner, in.plannedStart(), in.plannedEnd(), prediction, done,
                in.doneFrom(), in.doneTo(), study, in.decision(), in.follows());
    }

    /**
     * Checks the change idea, the measures and the cycle followed against the member's current plan, adding to the
     * problems already found, and throws them all if there are any.
     */
    private void checkAgainstPlan(Connection c, String code, PdsaCycleInput in, PdsaCycle self,
                                  List<PdsaCycle> all, Checks checks) throws SQLException {
        MemberRows.require(c, code);
        Optional<SafetyPlan> plan = PlanRows.find(c, code, json);
        if (plan.isEmpty()) {
            checks.add("changeIdea", in.changeIdea(), "member " + code + " has no plan, so no change ideas to test");
            checks.throwIfAny();
        }
        PlanContent content = plan.get().content();
        if (in.changeIdea() == null) {
            checks.add("changeIdea", null, "is required: the key of a change idea of the plan's driver diagram");
        } else if (content.diagram().changeIdeas().stream().noneMatch(i -> i.key().equals(in.changeIdea()))) {
            checks.add("changeIdea", in.changeIdea(), "is not a change idea of the plan (it has: "
                    + content.diagram().changeIdeas().stream().map(ChangeIdea::key).collect(Collectors.joining(", "))
                    + ")");
        }
        Set<String> measureKeys = content.measures().stream().map(Measure::key).collect(Collectors.toSet());
        for (int i = 0; i < in.measures().size(); i++) {
            String key = in.measures().get(i);
            checks.check(key.isEmpty() || measureKeys.contains(key), "measures[" + i + "]", key,
                    "is not a measure of the plan");
        }
        if (in.follows() != null && in.follows() >= 1 && in.changeIdea() != null) {
            Map<Integer, PdsaCycle> ofIdea = new HashMap<>();
            all.stream().filter(cy -> cy.changeIdea().equals(in.changeIdea())).forEach(cy -> ofIdea.put(cy.number(), cy));
            PdsaCycle followed = ofIdea.get(in.follows());
            if (followed == null || self != null && followed.number() >= self.number()) {
                checks.add("follows", in.follows(), "is not an earlier cycle of change idea '" + in.changeIdea() + "'");
            } else if (followed.content().decision() != PdsaDecision.ADAPT) {
                checks.add("follows", in.follows(), "cycle " + in.follows() + " did not decide to adapt (its decision: "
                        + (followed.content().decision() == null ? "none yet" : followed.content().decision()) + ")");
            } else if (followed.next() != null && (self == null || followed.next() != self.number())) {
                checks.add("follows", in.follows(), "cycle " + in.follows() + " is already followed by cycle "
                        + followed.next());
            }
        }
        checks.throwIfAny();
    }

    // --- rows --------------------------------------------------------------------------------------------------------

    private static int bind(PreparedStatement ps, int from, PdsaCycleInput in) throws SQLException {
        int i = from;
        ps.setString(i++, String.join(",", in.measures()));
        ps.setString(i++, in.plan());
        ps.setString(i++, in.owner());
        Sql.setDate(ps, i++, in.plannedStart());
        Sql.setDate(ps, i++, in.plannedEnd());
        ps.setString(i++, in.prediction());
        ps.setString(i++, in.done());
        Sql.setDate(ps, i++, in.doneFrom());
        Sql.setDate(ps, i++, in.doneTo());
        ps.setString(i++, in.study());
        ps.setString(i++, in.decision() == null ? null : in.decision().name());
        if (in.follows() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, in.follows());
        }
        return i;
    }

    /** Every cycle of the member, by change idea then number, each with the cycle that follows it. */
    private static List<PdsaCycle> load(Connection c, String code) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pdsa_cycle WHERE ods_code = ?"
                + " ORDER BY change_idea, cycle_number")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String keys = rs.getString("measure_keys");
                    String decision = rs.getString("decision");
                    int follows = rs.getInt("follows");
                    Integer followed = rs.wasNull() ? null : follows;
                    PdsaCycleInput in = new PdsaCycleInput(rs.getString("change_idea"),
                            keys.isEmpty() ? List.of() : Arrays.asList(keys.split(",")), rs.getString("plan_text"),
                            rs.getString("owner_name"), Sql.date(rs, "planned_start"), Sql.date(rs, "planned_end"),
                            rs.getString("prediction"), rs.getString("done_text"), Sql.date(rs, "done_from"),
                            Sql.date(rs, "done_to"), rs.getString("study_text"),
                            decision == null ? null : PdsaDecision.valueOf(decision), followed);
                    rows.add(new Object[] {rs.getInt("cycle_number"), in, Sql.instant(rs, "updated_at"),
                            rs.getString("updated_by"), rs.getLong("lock_version")});
                }
            }
        }
        Map<String, Integer> nextOf = new HashMap<>();
        for (Object[] row : rows) {
            PdsaCycleInput in = (PdsaCycleInput) row[1];
            if (in.follows() != null) {
                nextOf.put(in.changeIdea() + "#" + in.follows(), (Integer) row[0]);
            }
        }
        List<PdsaCycle> cycles = new ArrayList<>();
        for (Object[] row : rows) {
            PdsaCycleInput in = (PdsaCycleInput) row[1];
            int number = (Integer) row[0];
            cycles.add(new PdsaCycle(code, number, in, nextOf.get(in.changeIdea() + "#" + number), (Instant) row[2],
                    (String) row[3], (Long) row[4]));
        }
        return cycles;
    }

    private static PdsaCycleInput withIdea(PdsaCycleInput in, String idea) {
        return new PdsaCycleInput(idea, in.measures(), in.plan(), in.owner(), in.plannedStart(), in.plannedEnd(),
                in.prediction(), in.done(), in.doneFrom(), in.doneTo(), in.study(), in.decision(), in.follows());
    }

    private static NewEvent event(String code, String actor, String idea) {
        return new NewEvent(CYCLE_CHANGED, Map.of(CampaignTopics.ODS_CODE, code, CampaignTopics.ACTOR, actor,
                "changeIdea", idea == null ? "" : idea));
    }

    private static String describe(PdsaCycleInput in) {
        StringBuilder b = new StringBuilder("plan '").append(in.plan()).append("' by ").append(in.owner())
                .append(" from ").append(in.plannedStart()).append("; prediction '").append(in.prediction()).append('\'');
        if (in.done() != null) {
            b.append("; done '").append(in.done()).append("' from ").append(in.doneFrom());
        }
        if (in.study() != null) {
            b.append("; study '").append(in.study()).append('\'');
        }
        if (in.decision() != null) {
            b.append("; act ").append(in.decision());
        }
        if (!in.measures().isEmpty()) {
            b.append("; measures ").append(String.join(", ", in.measures()));
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
