package uk.nhs.safety.campaign.model.internal.measure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.IconSummary;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureIcons;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberIcons;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OdsCodes;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
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
 * Measurements of the measures in members' current plans ({@code measurement}), and their XmR analysis by the
 * {@link SpcAnalyser} service.
 */
@Component(service = MeasureService.class, configurationPid = MeasureServiceImpl.PID)
@Designate(ocd = MeasureServiceImpl.Config.class)
public class MeasureServiceImpl implements MeasureService {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.measures";

    static final int ANNOTATION_MAX = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MeasureServiceImpl.class);

    /** Which periods a measurement may be recorded for. */
    @ObjectClassDefinition(name = "Campaign measurements",
            description = "Which months a measurement may be recorded for; changes apply to the next write")
    public @interface Config {
        @AttributeDefinition(name = "Earliest period (yyyy-mm)",
                description = "No measurement is recorded for an earlier month")
        String earliestPeriod() default "2000-01";

        @AttributeDefinition(name = "Months ahead", min = "0",
                description = "No measurement is recorded for a month more than this many months after the current"
                        + " one")
        int monthsAhead() default 12;
    }

    /** The months a measurement may be recorded for: from {@code earliest} to {@code monthsAhead} after today's. */
    record PeriodRange(YearMonth earliest, int monthsAhead) {
        static final PeriodRange DEFAULT = new PeriodRange(YearMonth.of(2000, 1), 12);

        static PeriodRange of(Config config) {
            List<String> problems = new ArrayList<>();
            YearMonth earliest = null;
            try {
                earliest = YearMonth.parse(config.earliestPeriod().strip());
            } catch (DateTimeParseException e) {
                problems.add("earliestPeriod '" + config.earliestPeriod() + "' is not a month as yyyy-mm");
            }
            if (config.monthsAhead() < 0) {
                problems.add("monthsAhead " + config.monthsAhead() + " is negative");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new PeriodRange(earliest, config.monthsAhead());
        }
    }

    private final Database db;
    private final EventPublisher events;
    private final SpcAnalyser analyser;
    private final Clock clock;
    private final PlanJson json = new PlanJson();
    private volatile PeriodRange periods = PeriodRange.DEFAULT;

    @Activate
    public MeasureServiceImpl(@Reference Database db, @Reference EventPublisher events,
                              @Reference SpcAnalyser analyser, Config config) {
        this(db, events, analyser, Clock.system(MemberServiceImpl.CAMPAIGN_ZONE));
        modified(config);
    }

    /** A bad setting is refused in the log and the settings in force stay. */
    @Modified
    void modified(Config config) {
        try {
            periods = PeriodRange.of(config);
            LOG.info("Measurements may be recorded from {} to {} month(s) ahead", periods.earliest(),
                    periods.monthsAhead());
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration {} refused, periods from {} to {} month(s) ahead stay in force: {}", PID,
                    periods.earliest(), periods.monthsAhead(), e.getMessage());
        }
    }

    /** Changes the periods accepted (tests; the component takes them from its configuration). */
    void periods(PeriodRange range) {
        this.periods = range;
    }

    public MeasureServiceImpl(Database db, EventPublisher events, SpcAnalyser analyser, Clock clock) {
        this.db = db;
        this.events = events;
        this.analyser = analyser;
        this.clock = clock;
    }

    @Override
    public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                              String annotation) {
        return record(actor, odsCode, measureKey, period, value, null, annotation);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The denominator, when given, must be a positive finite number. Measures drawn as p or u charts need one
     * and a count that is not negative (and, for p, not above it); other charts keep a denominator given to them
     * (it is used if the measure's chart type changes) but do not need it.
     */
    @Override
    public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                              Double denominator, String annotation) {
        Checks checks = new Checks().actor(actor);
        checks.text("measureKey", measureKey, 50);
        if (checks.required("period", period) != null) {
            PeriodRange range = periods;
            YearMonth month = YearMonth.from(period);
            YearMonth latest = YearMonth.now(clock).plusMonths(range.monthsAhead());
            checks.check(!month.isBefore(range.earliest()) && !month.isAfter(latest), "period", period,
                    "must be a month from " + range.earliest() + " to " + latest);
        }
        checks.check(Double.isFinite(value), "value", value, "must be a finite number");
        if (denominator != null) {
            checks.check(Double.isFinite(denominator) && denominator > 0, "denominator", denominator,
                    "must be a positive number (the patients, admissions or bed days the count is out of)");
        }
        String note = checks.optionalText("annotation", annotation, ANNOTATION_MAX);
        checks.throwIfAny();
        String code = OdsCodes.normalise(odsCode);
        Measurement measurement = new Measurement(period, value, note, denominator);
        Instant now = clock.instant();
        NewEvent recorded = new NewEvent(CampaignTopics.MEASUREMENT_RECORDED, Map.of(CampaignTopics.ODS_CODE, code,
                CampaignTopics.ACTOR, actor, CampaignTopics.MEASURE_KEY, measureKey, CampaignTopics.PERIOD,
                period.toString(), CampaignTopics.VALUE, value));
        db.inTransaction(c -> {
            checkForChart(measure(c, code, measureKey), value, denominator);
            Double old = storedValue(c, code, measureKey, period);
            String sql = old == null
                    ? "INSERT INTO measurement (measured_value, annotation, recorded_at, recorded_by, denominator,"
                            + " ods_code, measure_key, period_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE measurement SET measured_value = ?, annotation = ?, recorded_at = ?, recorded_by = ?,"
                            + " denominator = ? WHERE ods_code = ? AND measure_key = ? AND period_start = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDouble(1, value);
                ps.setString(2, note);
                Sql.setInstant(ps, 3, now);
                ps.setString(4, actor);
                if (denominator == null) {
                    ps.setNull(5, java.sql.Types.DOUBLE);
                } else {
                    ps.setDouble(5, denominator);
                }
                ps.setString(6, code);
                ps.setString(7, measureKey);
                Sql.setDate(ps, 8, period);
                ps.executeUpdate();
            }
            AuditLog.write(c, now, actor, code, "measure.recorded", "measure " + measureKey + " " + period,
                    (old == null ? "value " + value : "value " + old + " → " + value)
                            + (denominator == null ? "" : " out of " + denominator)
                            + (note == null ? "" : " (" + note + ")"));
            events.record(c, now, recorded);
            return null;
        });
        events.post(List.of(recorded));
        return measurement;
    }

    /** What the measure's chart type needs of a value: p and u charts a denominator and a count within it. */
    private static void checkForChart(Measure measure, double value, Double denominator) {
        ChartType type = measure.chartType();
        if (!type.needsDenominator()) {
            return;
        }
        String chart = " for measure '" + measure.key() + "', drawn as a " + type.name().toLowerCase(Locale.ROOT)
                + " chart";
        List<Violation> problems = new ArrayList<>();
        if (denominator == null) {
            problems.add(Violation.of("denominator", null, "is required" + chart
                    + " (the patients, admissions or bed days the count is out of)"));
        }
        if (value < 0) {
            problems.add(Violation.of("value", value, "is a count and cannot be negative" + chart));
        } else if (type == ChartType.P && denominator != null && value > denominator) {
            problems.add(Violation.of("value", value, "is more than its denominator " + denominator + chart
                    + ": a proportion counts cases out of the denominator"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    @Override
    public List<Measurement> measurements(String odsCode, String measureKey) {
        String code = OdsCodes.normalise(odsCode);
        return db.read(c -> {
            MemberRows.require(c, code);
            return load(c, code, measureKey);
        });
    }

    /**
     * Analyses the values with the measure's direction, target and re-baseline dates. A re-baseline date starts a
     * new phase at the first measured period on or after it; dates with no later values, or that would start a
     * phase at the very first value, do not apply yet.
     */
    @Override
    public MeasureProgress progress(String odsCode, String measureKey) {
        String code = OdsCodes.normalise(odsCode);
        Series series = db.read(c -> new Series(measure(c, code, measureKey), load(c, code, measureKey)));
        return analysed(code, series);
    }

    private record Series(Measure measure, List<Measurement> values) {
    }

    @Override
    public MeasureProgress progress(String odsCode, String measureKey, CallerAccess caller) {
        String code = OdsCodes.normalise(odsCode);
        Series series = db.read(c -> {
            MemberRows.require(c, code);
            Measure measure = PlanRows.visibleContent(c, code, caller, json)
                    .flatMap(p -> p.measures().stream().filter(m -> m.key().equals(measureKey)).findFirst())
                    .orElseThrow(() -> new NotFoundException("member " + code + " has no measure '" + measureKey
                            + "' in a plan you may see"));
            return new Series(measure, load(c, code, measureKey));
        });
        return analysed(code, series);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction reads the member, the plan the caller may see and the member's measurements (one query for
     * all measures); the analysis runs after the read.
     */
    @Override
    public List<MeasureProgress> allProgress(String odsCode, CallerAccess caller) {
        String code = OdsCodes.normalise(odsCode);
        record Read(PlanContent content, Map<String, List<Measurement>> values) {
        }
        Read read = db.read(c -> {
            MemberRows.require(c, code);
            PlanContent content = PlanRows.visibleContent(c, code, caller, json).orElse(null);
            return new Read(content, content == null ? Map.of() : loadAll(c, code));
        });
        if (read.content() == null) {
            return List.of();
        }
        return read.content().measures().stream()
                .map(m -> analysed(code, new Series(m, List.copyOf(read.values().getOrDefault(m.key(), List.of())))))
                .toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction reads the member, the plan the caller may see and the member's measurements (one query for
     * all measures).
     */
    @Override
    public MemberIcons icons(String odsCode, CallerAccess caller) {
        String code = OdsCodes.normalise(odsCode);
        record Read(Member member, Integer version, PlanContent content, Map<String, List<Measurement>> values) {
        }
        Read read = db.read(c -> {
            Member member = MemberRows.require(c, code);
            Integer version = null;
            PlanContent content = null;
            if (caller != null && caller.mayEdit(code)) {
                content = PlanRows.find(c, code, json).map(SafetyPlan::content).orElse(null);
            } else {
                java.util.Optional<PlanVersion> published = PlanRows.latestPublished(c, code, json);
                if (published.isPresent()) {
                    version = published.get().number();
                    content = published.get().content();
                }
            }
            return new Read(member, version, content, content == null ? Map.of() : loadAll(c, code));
        });
        List<MeasureIcons> rows = read.content() == null ? List.of() : read.content().measures().stream()
                .map(m -> MeasureIcons.of(analysed(code, new Series(m, read.values().getOrDefault(m.key(),
                        List.of()))))).toList();
        return new MemberIcons(code, read.member().name(), read.member().region(), read.version(), rows);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Two queries in one read whatever the number of members ({@link IconReads}); the analysis runs after the
     * read, outside the transaction. A measure whose values its chart type refuses (values recorded without a
     * denominator before the plan made it a p or u chart) is left out, with a warning in the log.
     */
    @Override
    public IconSummary nationalIcons() {
        record Read(List<IconReads.Published> plans, Map<IconReads.SeriesKey, List<Measurement>> series) {
        }
        Read read = db.read(c -> new Read(IconReads.latestPublished(c, json), IconReads.publishedSeries(c)));
        List<MemberIcons> members = new ArrayList<>();
        for (IconReads.Published p : read.plans()) {
            List<MeasureIcons> rows = new ArrayList<>();
            for (Measure m : p.content().measures()) {
                Series series = new Series(m, read.series().getOrDefault(new IconReads.SeriesKey(p.odsCode(),
                        m.key()), List.of()));
                try {
                    rows.add(MeasureIcons.of(analysed(p.odsCode(), series)));
                } catch (ValidationException e) {
                    // Values recorded before the published chart type needed a denominator: that measure's own chart
                    // says why; one such measure must not take the summary away from everyone.
                    LOG.warn("Icon summary leaves out measure '{}' of {}: its values do not fit its {} chart: {}",
                            m.key(), p.odsCode(), m.chartType(), e.getMessage());
                }
            }
            members.add(new MemberIcons(p.odsCode(), p.name(), p.region(), p.version(), rows));
        }
        return IconSummary.of(members);
    }

    /**
     * The series analysed with its measure's direction, target, re-baseline dates, chart type and rule profile.
     *
     * <p>A target trajectory is judged at the latest point: the assurance icon compares the latest phase's limits
     * with the step in force on the latest measured period ({@link Measure#targetOn}), as NHS England's Making Data
     * Count SQL tool (v2.5) gives each row the target whose start and end dates cover it and shows the icon of the
     * latest row. The limits say what the process will do now, so the question is whether that meets the target
     * that applies now, not the one in force when the phase began. Later steps are drawn but not yet judged.
     */
    private MeasureProgress analysed(String code, Series series) {
        Measure measure = series.measure();
        List<DataPoint> points = series.values().stream()
                .map(m -> new DataPoint(m.period(), m.value(), m.denominator())).toList();
        LocalDate latest = points.stream().map(DataPoint::period).max(LocalDate::compareTo).orElse(null);
        Double target = latest == null ? measure.target() : measure.targetOn(latest);
        return new MeasureProgress(code, measure, analyser.analyse(points, measure.direction(), target,
                phaseStarts(points, measure), measure.chartType(),
                // No profile named (or, in a plan saved before names were checked, an unknown one): the default.
                SpcRuleProfile.named(measure.ruleProfile()).orElse(null)));
    }

    private static List<LocalDate> phaseStarts(List<DataPoint> points, Measure measure) {
        Set<LocalDate> starts = new LinkedHashSet<>();
        for (LocalDate from : measure.rebaseFrom().stream().sorted().toList()) {
            for (int i = 0; i < points.size(); i++) {
                if (!points.get(i).period().isBefore(from)) {
                    // The first value already starts the only phase there is.
                    if (i > 0) {
                        starts.add(points.get(i).period());
                    }
                    break;
                }
            }
        }
        return List.copyOf(starts);
    }

    /** The measure in the member's current plan, or a {@link NotFoundException} naming what is missing. */
    private Measure measure(Connection c, String code, String measureKey) throws SQLException {
        MemberRows.require(c, code);
        SafetyPlan plan = PlanRows.find(c, code, json).orElseThrow(() -> new NotFoundException(
                "member " + code + " has no plan, so no measure '" + measureKey + "'"));
        return plan.content().measures().stream().filter(m -> m.key().equals(measureKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("the plan of " + code + " has no measure '" + measureKey
                        + "'"));
    }

    private static Double storedValue(Connection c, String code, String key, LocalDate period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT measured_value FROM measurement"
                + " WHERE ods_code = ? AND measure_key = ? AND period_start = ?")) {
            ps.setString(1, code);
            ps.setString(2, key);
            Sql.setDate(ps, 3, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        }
    }

    /** Every measurement of the member, by measure key, oldest period first. */
    private static Map<String, List<Measurement>> loadAll(Connection c, String code) throws SQLException {
        Map<String, List<Measurement>> values = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT measure_key, period_start, measured_value, annotation,"
                + " denominator FROM measurement WHERE ods_code = ? ORDER BY measure_key, period_start")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double read = rs.getDouble("denominator");
                    Double denominator = rs.wasNull() ? null : read;
                    values.computeIfAbsent(rs.getString("measure_key"), k -> new ArrayList<>()).add(new Measurement(
                            Sql.date(rs, "period_start"), rs.getDouble("measured_value"), rs.getString("annotation"),
                            denominator));
                }
            }
        }
        return values;
    }

    private static List<Measurement> load(Connection c, String code, String key) throws SQLException {
        List<Measurement> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT period_start, measured_value, annotation, denominator"
                + " FROM measurement WHERE ods_code = ? AND measure_key = ? ORDER BY period_start")) {
            ps.setString(1, code);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double read = rs.getDouble("denominator");
                    Double denominator = rs.wasNull() ? null : read;
                    values.add(new Measurement(Sql.date(rs, "period_start"), rs.getDouble("measured_value"),
                            rs.getString("annotation"), denominator));
                }
            }
        }
        return List.copyOf(values);
    }
}
