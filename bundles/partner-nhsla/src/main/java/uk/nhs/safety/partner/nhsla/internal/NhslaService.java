package uk.nhs.safety.partner.nhsla.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.SafetyPlan;
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
import uk.nhs.safety.partner.nhsla.internal.claims.Claim;
import uk.nhs.safety.partner.nhsla.internal.claims.ClaimsImport;
import uk.nhs.safety.partner.nhsla.internal.incentive.Allocation;
import uk.nhs.safety.partner.nhsla.internal.incentive.Assessment;
import uk.nhs.safety.partner.nhsla.internal.incentive.Bid;
import uk.nhs.safety.partner.nhsla.internal.profile.ClaimsProfile;
import uk.nhs.safety.partner.nhsla.internal.profile.Group;
import uk.nhs.safety.partner.nhsla.internal.profile.Linkage;
import uk.nhs.safety.partner.nhsla.internal.profile.Profiles;

/**
 * The NHS LA partner's work: claims import, profiles, linkage to members' published plans, bid assessment and
 * allocation, over the partner's own tables ({@code nhsla_*}). Routes, commands, the importer, the exporter and the
 * evidence contributor all call this. Thread-safe: the settings are one immutable value swapped on
 * reconfiguration.
 */
@Component(service = NhslaService.class, configurationPid = NhslaService.PID)
@Designate(ocd = NhslaConfig.class)
public final class NhslaService {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.partner.nhsla";

    private static final Logger LOG = LoggerFactory.getLogger(NhslaService.class);

    /** The node's metrics, when the REST bundle provides them: each import is counted and timed there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformMetrics metrics;

    /** A member's published plan as the linkage reads it: its version number and focus areas. */
    public record PublishedPlan(int version, List<String> focusAreas) {
        public PublishedPlan {
            focusAreas = List.copyOf(focusAreas);
        }
    }

    private final PartnerDatabase database;
    private final Predicate<String> isMember;
    private final Function<String, Optional<PublishedPlan>> plans;
    private final Clock clock;
    private final Profiles profiles;
    private final ClaimsImport importer;
    private volatile Settings settings;

    @Activate
    public NhslaService(@Reference PartnerStore store, @Reference MemberService members,
                        @Reference PlanService plans, @Reference ClusterJobs jobs, NhslaConfig config) {
        this(store.open(NhslaPartner.ID, ScriptSource.classpath(NhslaService.class, "db")),
                ods -> members.find(ods).isPresent(), ods -> published(plans, ods), Clock.systemUTC(),
                Settings.of(config), jobs);
    }

    /**
     * Outside the container (tests, tools), and called by the component's constructor. (No other public constructor
     * may have as many parameters as the component's: SCR would log an error about it on every activation.)
     *
     * @param jobs core's jobs once per cluster (a second claims import on any node is refused), or {@code null} in
     *             one JVM: then a second concurrent claims import in this JVM is refused
     */
    public NhslaService(PartnerDatabase database, Predicate<String> isMember,
                        Function<String, Optional<PublishedPlan>> plans, Clock clock, Settings settings,
                        ClusterJobs jobs) {
        this.database = database;
        this.isMember = isMember;
        this.plans = plans;
        this.clock = clock;
        this.settings = settings;
        this.profiles = new Profiles(database);
        this.importer = new ClaimsImport(database, isMember, jobs);
        LOG.info("NHS LA partner ready on {} (schema version {})", database.product(), database.schemaVersion());
    }

    @Modified
    void modified(NhslaConfig config) {
        settings = Settings.of(config);
        LOG.info("NHS LA partner reconfigured: area rule {}", settings.areaRule().describe());
    }

    private static Optional<PublishedPlan> published(PlanService plans, String ods) {
        Optional<SafetyPlan> plan = plans.plan(ods);
        if (plan.isEmpty() || plan.get().publishedVersion() == 0) {
            return Optional.empty();
        }
        int n = plan.get().publishedVersion();
        return Optional.of(new PublishedPlan(n, plans.version(ods, n).content().focusAreas()));
    }

    /** The settings in force. */
    public Settings settings() {
        return settings;
    }

    /** Health: up when the tables answer. */
    public PartnerHealth health() {
        try {
            database.read(c -> c.isValid(2));
            return PartnerHealth.up();
        } catch (RuntimeException e) {
            LOG.warn("NHS LA claims tables do not answer", e);
            return new PartnerHealth(PartnerHealth.Status.DOWN, "claims tables do not answer: " + e.getMessage());
        }
    }

    /** Imports a claims file. */
    public ImportReport importClaims(ImportRequest request) {
        return PlatformMetrics.timedImport(metrics, "nhsla", "claims",
                () -> importer.run(request, settings.schemes(), LocalDate.now(clock)));
    }

    /** The current financial year. */
    public int currentYear() {
        return Claim.financialYear(LocalDate.now(clock));
    }

    /** Years asked for, or the configured default range ending with the current financial year. */
    public int[] years(Integer from, Integer to) {
        int t = to != null ? to : currentYear();
        int f = from != null ? from : t - settings.profileYears() + 1;
        if (f > t || f < 1990 || t > 2100) {
            throw new ValidationException(Violation.of("from", f + "-" + t,
                    "the years are financial years (2014 = 2014/15), from not after to"));
        }
        return new int[] {f, t};
    }

    /** Checks and upper-cases an ODS code, refusing one that is neither a member nor in the claims. */
    public String member(String ods) {
        String code = ods == null ? "" : ods.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9]{3,8}")) {
            throw new ValidationException(Violation.of("ods", ods, "an ODS code is 3 to 8 letters and digits"));
        }
        if (!isMember.test(code)) {
            throw new NotFoundException("no member " + code);
        }
        return code;
    }

    /** A member's claims profile ({@code ods} given) or the national one ({@code ods} null). */
    public ClaimsProfile profile(String ods, Integer from, Integer to) {
        int[] y = years(from, to);
        String code = ods == null ? null : member(ods);
        return Profiles.profile(code == null ? "national" : code, y[0], y[1], profiles.groups(code, y[0], y[1]),
                settings.areaRule());
    }

    /** A member's linkage between its high claim areas and its published plan. */
    public Linkage linkage(String ods, Integer from, Integer to) {
        int[] y = years(from, to);
        String code = member(ods);
        List<Group> groups = profiles.groups(code, y[0], y[1]);
        return linkage(code, y, groups);
    }

    private Linkage linkage(String code, int[] y, List<Group> groups) {
        Settings s = settings;
        ClaimsProfile profile = Profiles.profile(code, y[0], y[1], groups, s.areaRule());
        Optional<PublishedPlan> plan = plans.apply(code);
        return Linkage.of(code, plan.map(PublishedPlan::version).orElse(0),
                plan.map(PublishedPlan::focusAreas).orElse(List.of()), profile, groups, s.linkage());
    }

    /** The linkage of every member with claims, from one aggregation over all claims. */
    public List<Linkage> linkageAll(Integer from, Integer to) {
        int[] y = years(from, to);
        Map<String, List<Group>> byMember = profiles.groupsByMember(y[0], y[1]);
        List<Linkage> all = new ArrayList<>();
        byMember.keySet().stream().sorted().filter(isMember).forEach(ods -> all.add(linkage(ods, y,
                byMember.get(ods))));
        return all;
    }

    /** ODS codes with claims (completion). */
    public List<String> codesWithClaims() {
        return profiles.members();
    }

    /** Assesses a bid over the claims of the years up to its scheme year and stores the outcome. */
    public Assessment assess(String actor, Bid bid) {
        String code = member(bid.odsCode());
        Bid b = new Bid(code, bid.schemeYear(), bid.contributionPence(), bid.askedPence(), bid.areas());
        Linkage linkage = linkage(code, b.schemeYear() - settings.profileYears() + 1, b.schemeYear());
        Assessment a = settings.incentive().assess(b, linkage);
        database.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM nhsla_bid WHERE ods_code = ? AND scheme_year = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO nhsla_bid (ods_code, scheme_year,"
                         + " contribution_pence, asked_pence, areas, approved, reasons, score_pence, assessed_at,"
                         + " assessed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, code);
                del.setInt(2, b.schemeYear());
                del.executeUpdate();
                ins.setString(1, code);
                ins.setInt(2, b.schemeYear());
                ins.setLong(3, b.contributionPence());
                ins.setLong(4, b.askedPence());
                ins.setString(5, String.join("|", b.areas()));
                ins.setBoolean(6, a.approved());
                ins.setString(7, String.join("\n", a.reasons()));
                ins.setLong(8, a.scorePence());
                ins.setTimestamp(9, Timestamp.from(clock.instant()));
                ins.setString(10, actor);
                ins.executeUpdate();
            }
            return null;
        });
        LOG.info("Bid of {} for {} assessed by {}: {}", code, b.schemeYear(), actor,
                a.approved() ? "approved" : "rejected");
        return a;
    }

    private Linkage linkage(String code, int from, int to) {
        return linkage(code, new int[] {from, to}, profiles.groups(code, from, to));
    }

    /** The stored assessments of a scheme year, by ODS code. */
    public List<Assessment> bids(int schemeYear) {
        return database.read(c -> {
            List<Assessment> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ods_code, scheme_year, contribution_pence,"
                    + " asked_pence, areas, approved, reasons, score_pence FROM nhsla_bid WHERE scheme_year = ?"
                    + " ORDER BY ods_code")) {
                ps.setInt(1, schemeYear);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Bid bid = new Bid(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                                rs.getString(5).isEmpty() ? List.of() : Arrays.asList(rs.getString(5).split("\\|")));
                        list.add(new Assessment(bid, rs.getBoolean(6), Arrays.asList(rs.getString(7).split("\n")),
                                rs.getLong(8)));
                    }
                }
            }
            return list;
        });
    }

    /** The ranked allocation of a scheme year's budget. */
    public Allocation allocation(int schemeYear) {
        return settings.incentive().allocate(schemeYear, bids(schemeYear));
    }
}
