package uk.nhs.safety.partner.nhsi.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.metrics.PlatformMetrics;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerStore;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment;
import uk.nhs.safety.partner.nhsi.internal.alignment.AlignmentRules;
import uk.nhs.safety.partner.nhsi.internal.alignment.CollaborativeFinder;
import uk.nhs.safety.partner.nhsi.internal.alignment.NationalAlignment;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.nhsi.internal.catalogue.CatalogueLoader;
import uk.nhs.safety.partner.nhsi.internal.incidents.HarmSeries;
import uk.nhs.safety.partner.nhsi.internal.incidents.IncidentGenerator;
import uk.nhs.safety.partner.nhsi.internal.incidents.IncidentImport;
import uk.nhs.safety.partner.nhsi.internal.incidents.IncidentStore;
import uk.nhs.safety.partner.nhsi.internal.incidents.MonthCounts;
import uk.nhs.safety.partner.nhsi.internal.national.Assumptions;
import uk.nhs.safety.partner.nhsi.internal.national.HarmRollup;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Headline;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Point;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Series;

/**
 * The NHS Improvement partner's work: the catalogue in force, incident import, members' harm series, the
 * alignment of plans with the national priorities, and the national roll-up, over the partner's own tables
 * ({@code nhsi_*}). Routes, commands, the importer and the exporters all call this. Thread-safe: the settings and
 * the catalogue are one immutable value swapped on reconfiguration.
 */
@Component(service = NhsiService.class, configurationPid = NhsiService.PID)
@Designate(ocd = NhsiConfig.class)
public final class NhsiService {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.partner.nhsi";

    private static final Logger LOG = LoggerFactory.getLogger(NhsiService.class);

    /** The node's metrics, when the REST bundle provides them: each import is counted and timed there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformMetrics metrics;

    /** The settings and the catalogue they choose, swapped together. */
    private record State(Settings settings, Catalogue catalogue) {
    }

    private final PartnerDatabase database;
    private final Campaign campaign;
    private final SpcAnalyser spc;
    private final Clock clock;
    private final CatalogueLoader catalogues;
    private final IncidentStore incidents;
    private final IncidentImport importer;
    private volatile State state;
    private final AtomicReference<CachedRollup> national = new AtomicReference<>();
    /**
     * Counts finished imports and campaign changes heard from the event log, so a roll-up computed before one is not
     * served after it.
     */
    private final AtomicLong generation = new AtomicLong();

    /**
     * The longest a computed national roll-up is served: a safety net only. Campaign changes it shows (members joining,
     * plans published) drop it at once through {@link RollupInvalidator}; it also reads what no campaign event
     * announces on every node: a member's withdrawal, and incident imports run on another node (an import drops only
     * its own node's copy).
     */
    static final long ROLLUP_SECONDS = 600;

    @Activate
    public NhsiService(@Reference PartnerStore store, @Reference MemberService members, @Reference PlanService plans,
                       @Reference MeasureService measures, @Reference SpcAnalyser spc, @Reference ClusterJobs jobs,
                       NhsiConfig config) {
        this(store.open(NhsiPartner.ID, ScriptSource.classpath(NhsiService.class, "db")),
                Campaign.of(members, plans, measures),
                spc, Clock.systemUTC(), Settings.of(config), CatalogueLoader.bundled(), jobs);
    }

    /** For tests and tools in one JVM: a second concurrent incident import in this JVM is refused. */
    public NhsiService(PartnerDatabase database, Campaign campaign, SpcAnalyser spc, Clock clock, Settings settings,
                       CatalogueLoader catalogues) {
        this(database, campaign, spc, clock, settings, catalogues, null);
    }

    /**
     * The component's, with core's jobs once per cluster (a second incident import on any node is refused). Private:
     * a public constructor with as many parameters as the component's makes SCR log an error on every activation.
     */
    private NhsiService(PartnerDatabase database, Campaign campaign, SpcAnalyser spc, Clock clock, Settings settings,
                       CatalogueLoader catalogues, ClusterJobs jobs) {
        this.database = database;
        this.campaign = campaign;
        this.spc = spc;
        this.clock = clock;
        this.catalogues = catalogues;
        this.incidents = new IncidentStore(database);
        this.importer = new IncidentImport(database, ods -> campaign.member(ods).isPresent(), jobs);
        this.state = new State(settings, catalogues.select(settings.catalogueVersion()));
        LOG.info("NHS Improvement partner ready on {} (schema version {}), catalogue {}", database.product(),
                database.schemaVersion(), state.catalogue().version());
    }

    /**
     * A new configuration applies at once. A bad one (a malformed month, an unknown catalogue version) is refused
     * with an error in the log naming what is wrong, and the settings in force stay as they were.
     */
    @Modified
    void modified(NhsiConfig config) {
        try {
            Settings settings = Settings.of(config);
            state = new State(settings, catalogues.select(settings.catalogueVersion()));
            LOG.info("NHS Improvement partner reconfigured: catalogue {}", state.catalogue().version());
        } catch (CampaignException e) {
            LOG.error("Configuration {} refused, the previous settings stay in force: {}", PID, e.getMessage());
        }
    }

    /** The catalogue in force. */
    public Catalogue catalogue() {
        return state.catalogue();
    }

    /** Every bundled catalogue version, newest first. */
    public List<Catalogue> catalogues() {
        return catalogues.all();
    }

    /** The settings in force. */
    public Settings settings() {
        return state.settings();
    }

    /** Health: up when the tables answer. */
    public PartnerHealth health() {
        try {
            database.read(c -> c.isValid(2));
            return PartnerHealth.up();
        } catch (RuntimeException e) {
            LOG.warn("NHS Improvement incident tables do not answer", e);
            return new PartnerHealth(PartnerHealth.Status.DOWN, "incident tables do not answer: " + e.getMessage());
        }
    }

    /** Imports an incident-count file. */
    public ImportReport importIncidents(ImportRequest request) {
        try {
            return PlatformMetrics.timedImport(metrics, "nhsi", "incidents",
                    () -> importer.run(request, state.catalogue(), YearMonth.now(clock)));
        } finally {
            generation.incrementAndGet(); // the roll-up reads the incidents: computed afresh on the next request
        }
    }

    /** Checks and upper-cases an ODS code, refusing one that is not a member. */
    public Member member(String ods) {
        String code = code(ods);
        return campaign.member(code).orElseThrow(() -> new NotFoundException("no member " + code));
    }

    /** An ODS code checked for shape and upper-cased (nothing looked up). */
    public static String code(String ods) {
        String code = ods == null ? "" : ods.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9]{3,8}")) {
            throw new ValidationException(Violation.of("ods", ods, "an ODS code is 3 to 8 letters and digits"));
        }
        return code;
    }

    /** Member ODS codes, for completion. */
    public List<String> memberCodes() {
        return campaign.members().stream().map(Member::odsCode).toList();
    }

    /** A member's moderate-or-worse harm by month, with its SPC analysis. */
    public HarmSeries harm(String ods) {
        Member m = member(ods);
        List<MonthCounts> months = incidents.member(m.odsCode());
        List<HarmSeries.Point> points = months.stream().map(c -> new HarmSeries.Point(c.month().toString(),
                c.moderateOrWorse(), c.moderate(), c.severe(), c.death(), c.total())).toList();
        SpcResult analysis = spc.analyse(months.stream().map(c -> new DataPoint(c.month().atDay(1),
                c.moderateOrWorse())).toList(), ImprovementDirection.DOWN, null, List.of());
        return new HarmSeries(m.odsCode(), m.name(), "moderate-harm-incidents", HarmSeries.DEFINITION,
                "incidents a month", "down", points, analysis);
    }

    /**
     * What recording the harm series into a plan measure did.
     *
     * @param odsCode   the member
     * @param measure   the plan measure written to
     * @param months    months in the series
     * @param recorded  months recorded (new or changed values)
     * @param unchanged months already recorded with the same value
     */
    public record Recorded(String odsCode, String measure, int months, int recorded, int unchanged) {
    }

    /**
     * Records the member's moderate-or-worse harm, month by month, as the values of a measure of its plan, so the
     * plan charts it like any other measure. The measure must be in the member's working plan and improve
     * downwards (checked before anything is written); months already holding the same value are left alone, so
     * running it again records only what changed. Each value is recorded (and audited) by core.
     */
    public Recorded recordHarm(String actor, String ods, String measureKey) {
        Member m = member(ods);
        if (measureKey == null || measureKey.isBlank()) {
            throw new ValidationException(Violation.of("measure", measureKey, "give the key of the plan measure to"
                    + " record the harm series into"));
        }
        Measure measure = campaign.measure(m.odsCode(), measureKey.strip()).orElseThrow(() -> new ValidationException(
                Violation.of("measure", measureKey, "the working plan of " + m.odsCode() + " has no such measure;"
                        + " add one (unit incidents a month, lower is better) first")));
        if (measure.direction() != ImprovementDirection.DOWN) {
            throw new ValidationException(Violation.of("measure", measureKey, "moderate-or-worse harm improves"
                    + " downwards, but this measure's direction is " + measure.direction().name()
                    .toLowerCase(Locale.ROOT)));
        }
        Map<LocalDate, Double> stored = new java.util.HashMap<>();
        campaign.measurements(m.odsCode(), measure.key()).forEach(x -> stored.put(x.period(), x.value()));
        int recorded = 0;
        List<MonthCounts> months = incidents.member(m.odsCode());
        for (MonthCounts c : months) {
            LocalDate period = c.month().atDay(1);
            Double old = stored.get(period);
            if (old == null || old != c.moderateOrWorse()) {
                campaign.record(actor, m.odsCode(), measure.key(), period, c.moderateOrWorse(),
                        "NHS Improvement: incidents reported with moderate harm or worse");
                recorded++;
            }
        }
        LOG.info("Harm series of {} recorded into measure {} by {}: {} of {} months", m.odsCode(), measure.key(),
                actor, recorded, months.size());
        return new Recorded(m.odsCode(), measure.key(), months.size(), recorded, months.size() - recorded);
    }

    /** One member's alignment. */
    public Alignment alignment(String ods) {
        Member m = member(ods);
        State s = state;
        Map<String, Map<String, Long>> categories = categories(s.settings());
        return align(s, m, categories.getOrDefault(m.odsCode(), Map.of()));
    }

    /** Every member's alignment, by ODS code. */
    public List<Alignment> alignmentAll() {
        State s = state;
        Map<String, Map<String, Long>> categories = categories(s.settings());
        List<Alignment> all = new ArrayList<>();
        for (Member m : campaign.members()) {
            if (m.status() == MemberStatus.ACTIVE) {
                all.add(align(s, m, categories.getOrDefault(m.odsCode(), Map.of())));
            }
        }
        return all;
    }

    /** The national table of priorities by members, with members lacking a published plan. */
    public NationalAlignment gaps() {
        return NationalAlignment.of(state.catalogue(), alignmentAll());
    }

    private Alignment align(State s, Member m, Map<String, Long> categories) {
        Campaign.Plan plan = campaign.plan(m.odsCode());
        return new AlignmentRules(s.catalogue()).align(new AlignmentRules.MemberFacts(m.odsCode(), m.name(),
                        m.type(), m.region()), plan.status(), plan.version(), plan.content(), categories,
                new CollaborativeFinder(s.catalogue(), s.settings().collaboratives()).find(m.odsCode(), m.postcode(),
                        m.region()));
    }

    /** Incidents by member and category over the window up to the latest month with data. */
    private Map<String, Map<String, Long>> categories(Settings s) {
        Optional<YearMonth> latest = incidents.latest();
        return latest.isEmpty() ? Map.of()
                : incidents.categories(latest.get().minusMonths(s.assumptions().windowMonths() - 1L), latest.get());
    }

    /** A computed roll-up and when (System.nanoTime). */
    private record CachedRollup(NationalRollup rollup, long computedAt, State state, long generation) {
    }

    /**
     * The national roll-up. It is public (the dashboard reads it on every page view) and reads every member, plan and
     * incident count, so it is kept, for {@value #ROLLUP_SECONDS} s at most; a member joining or a plan published on
     * any node ({@link #campaignChanged()}), an import on this node or a new configuration makes the next request
     * compute it afresh.
     */
    public NationalRollup national() {
        CachedRollup cached = national.get();
        State s = state;
        long g = generation.get();
        if (cached != null && cached.state() == s && cached.generation() == g
                && System.nanoTime() - cached.computedAt() < ROLLUP_SECONDS * 1_000_000_000L) {
            return cached.rollup();
        }
        // Read before computing: an import that ends meanwhile leaves this result stale at once, never for a minute.
        NationalRollup rollup = computeNational(s);
        national.set(new CachedRollup(rollup, System.nanoTime(), s, g));
        return rollup;
    }

    /** A campaign change the roll-up shows was committed (on any node): the next request computes it afresh. */
    public void campaignChanged() {
        generation.incrementAndGet();
    }

    private NationalRollup computeNational(State s) {
        Assumptions a = s.settings().assumptions();
        List<Member> members = campaign.members().stream().filter(m -> m.status() == MemberStatus.ACTIVE).toList();
        Map<YearMonth, Long> joined = new TreeMap<>();
        Map<YearMonth, Long> published = new TreeMap<>();
        long plans = 0;
        for (Member m : members) {
            if (m.joined() != null) {
                joined.merge(YearMonth.from(m.joined()), 1L, Long::sum);
            }
            Campaign.Plan p = campaign.plan(m.odsCode());
            if (p.firstPublished() != null) {
                plans++;
                published.merge(YearMonth.from(p.firstPublished().atZone(ZoneOffset.UTC)), 1L, Long::sum);
            }
        }
        // The campaign's goals are its members': organisations that are not (or no longer) members are left out of
        // the series and the figures alike.
        Map<String, List<MonthCounts>> byMember = incidents.byMember();
        byMember.keySet().retainAll(members.stream().map(Member::odsCode).toList());
        TreeMap<YearMonth, long[]> national = new TreeMap<>();
        byMember.values().forEach(months -> months.forEach(c -> {
            long[] sum = national.computeIfAbsent(c.month(), k -> new long[2]);
            sum[0] += c.moderateOrWorse();
            sum[1] += c.death();
        }));
        Optional<YearMonth> latest = national.isEmpty() ? Optional.empty() : Optional.of(national.lastKey());
        HarmRollup harm = HarmRollup.of(byMember, a, latest.orElse(null));

        List<Headline> headline = List.of(
                new Headline("members", "Members signed up", members.size(), "members",
                        "active member organisations of the campaign"),
                new Headline("plans-published", "Plans published", plans, "members",
                        "members that have published a safety improvement plan"
                                + (members.isEmpty() ? "" : String.format(Locale.ROOT, " (%.1f%% of members)",
                                100.0 * plans / members.size()))),
                new Headline("harm-reduction", "Avoidable harm reduction against baseline",
                        harm.reductionPercent() == null ? null : round1(harm.reductionPercent()), "%",
                        harm.reductionPercent() == null ? "no member has incident data both in the baseline ("
                                + a.baselineFrom() + " to " + a.baselineTo() + ") and after it"
                                : String.format(Locale.ROOT, "moderate-or-worse harm a month, %s to %s against"
                                        + " baseline %s to %s, %d members; goal %.0f%% (halve avoidable harm)",
                                harm.window().get(0), harm.window().get(1), a.baselineFrom(), a.baselineTo(),
                                harm.members(), a.harmGoalPercent())),
                new Headline("lives-saved", "Lives saved (estimate)", harm.livesMembers() == 0 ? null
                        : round1(harm.livesSaved()), "lives", String.format(Locale.ROOT, "%.1f deaths and %.1f"
                                + " severe harm incidents avoided against baseline, %d members, since %s; goal %,d"
                                + " (see method)", harm.deathsAvoided(), harm.severeAvoided(), harm.livesMembers(),
                        a.baselineTo().plusMonths(1), a.livesGoal())));
        List<Series> series = List.of(
                series("moderate-harm", "Incidents with moderate harm or worse, reported by all members",
                        "incidents a month", ImprovementDirection.DOWN, monthly(national, 0), false),
                series("deaths", "Incidents reported as death by all members", "incidents a month",
                        ImprovementDirection.DOWN, monthly(national, 1), false),
                series("members-joined", "Members signed up, by month of joining", "members a month",
                        ImprovementDirection.UP, joined, true),
                series("plans-published", "Plans first published, by month", "members a month",
                        ImprovementDirection.UP, published, true));
        Map<String, Object> assumptions = new LinkedHashMap<>();
        assumptions.put("baselineFrom", a.baselineFrom().toString());
        assumptions.put("baselineTo", a.baselineTo().toString());
        assumptions.put("windowMonths", a.windowMonths());
        assumptions.put("deathFraction", a.deathFraction());
        assumptions.put("severeFraction", a.severeFraction());
        assumptions.put("harmGoalPercent", a.harmGoalPercent());
        assumptions.put("livesGoal", a.livesGoal());
        return new NationalRollup(s.catalogue().version(), LocalDate.now(clock).toString(),
                latest.map(YearMonth::toString).orElse(null), headline, series,
                new NationalRollup.Method(NationalRollup.LIVES_METHOD, NationalRollup.HARM_METHOD, assumptions));
    }

    private static Map<YearMonth, Long> monthly(TreeMap<YearMonth, long[]> national, int index) {
        Map<YearMonth, Long> m = new TreeMap<>();
        national.forEach((month, sums) -> m.put(month, sums[index]));
        return m;
    }

    /**
     * A series with its analysis. Series of additions (joining, publishing) fill the months between the first and
     * the last with zeros, so each point is a month, and carry the running total.
     */
    private Series series(String key, String label, String unit, ImprovementDirection direction,
                          Map<YearMonth, Long> values, boolean additions) {
        List<Point> points = new ArrayList<>();
        List<DataPoint> data = new ArrayList<>();
        if (!values.isEmpty()) {
            YearMonth first = values.keySet().iterator().next();
            YearMonth last = ((TreeMap<YearMonth, Long>) values).lastKey();
            long total = 0;
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                Long v = values.get(m);
                if (v == null && !additions) {
                    continue;
                }
                long value = v == null ? 0 : v;
                total += value;
                points.add(new Point(m.toString(), value, additions ? total : null));
                data.add(new DataPoint(m.atDay(1), value));
            }
        }
        return new Series(key, label, unit, direction.name().toLowerCase(Locale.ROOT), points,
                spc.analyse(data, direction, null, List.of()));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Active trust members (acute, mental health, learning disability, ambulance, community): the generator's. */
    public List<IncidentGenerator.Trust> trustMembers() {
        return campaign.members().stream().filter(m -> m.status() == MemberStatus.ACTIVE && !m.closed()
                        && m.type().accepts(m.odsCode()) && m.odsCode().length() == 3
                        && EnumSet.of(OrganisationType.ACUTE, OrganisationType.MENTAL_HEALTH,
                        OrganisationType.LEARNING_DISABILITY, OrganisationType.AMBULANCE, OrganisationType.COMMUNITY)
                        .contains(m.type()))
                .map(m -> new IncidentGenerator.Trust(m.odsCode(), m.type())).toList();
    }

    /** ODS codes with incident data. */
    public List<String> codesWithIncidents() {
        return incidents.codes();
    }
}
