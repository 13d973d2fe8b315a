package uk.nhs.safety.partner.cqc.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.api.partner.PartnerStore;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.cqc.internal.data.CqcData;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePackBuilder;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePeriods;
import uk.nhs.safety.partner.cqc.internal.evidence.GapReport;
import uk.nhs.safety.partner.cqc.internal.framework.CqcFramework;
import uk.nhs.safety.partner.cqc.internal.framework.FrameworkLoader;
import uk.nhs.safety.partner.cqc.internal.framework.ItemKind;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * The CQC partner's core: holds the configured framework version (loaded with its mapping rules) and builds
 * evidence packs through the campaign API. Registered for this bundle's routes, commands and partner integration.
 * A framework that fails to load does not stop the component: it reports DOWN with the reason until a configuration
 * change loads one. Thread-safe: the loaded state is one immutable value swapped on reconfiguration.
 */
@Component(service = CqcEvidenceService.class, configurationPid = CqcEvidenceService.PID)
@Designate(ocd = CqcConfig.class)
public final class CqcEvidenceService {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.partner.cqc";
    static final String DEFAULT_FRAMEWORK = "2023";
    static final int DEFAULT_MONTHS = 12;

    /** Where evidence packs go inside the export folder when no output directory is configured. */
    static final String DEFAULT_OUTPUT = "cqc/evidence";
    /** NHS organisations work on UK dates: the day an action was published is the day in London. */
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Logger LOG = LoggerFactory.getLogger(CqcEvidenceService.class);

    private final EvidencePackBuilder builder;
    private final FrameworkLoader loader;
    private final CqcData data;
    private final Supplier<List<EvidenceContributor>> contributors;
    private volatile State state;

    @Activate
    public CqcEvidenceService(@Reference MemberService members, @Reference PledgeService pledges,
                              @Reference PlanService plans, @Reference MeasureService measures,
                              @Reference PartnerStore store, @Reference PartnerRegistry registry, CqcConfig config) {
        this(new EvidencePackBuilder(members, pledges, plans, measures, Clock.system(ZONE)),
                new FrameworkLoader(PartnerJson.leavingOutNulls()), config.frameworkVersion(), config.defaultPeriodMonths(),
                outputDirectory(config.outputDirectory()), new Data(
                new CqcData(store.open(CqcPartner.ID, ScriptSource.classpath(CqcEvidenceService.class, "db")),
                        ods -> members.find(ods).isPresent(), Clock.system(ZONE)),
                registry::evidenceContributors));
    }

    /** Without CQC data or partner evidence (the campaign's own data only). */
    public CqcEvidenceService(EvidencePackBuilder builder, FrameworkLoader loader, String frameworkVersion,
                              int defaultPeriodMonths) {
        this(builder, loader, frameworkVersion, defaultPeriodMonths, outputDirectory(""), new Data(null, List::of));
    }

    /**
     * What the service reads beyond the campaign API.
     *
     * @param data         the partner's tables (CQC registrations, mapping overrides), or {@code null} for none
     * @param contributors the partners' evidence contributors installed now
     */
    public record Data(CqcData data, Supplier<List<EvidenceContributor>> contributors) {
    }

    /**
     * A service over the given parts. (Not seven parameters: Declarative Services picks the activation constructor
     * by its number of parameters and would try this one too.)
     */
    public CqcEvidenceService(EvidencePackBuilder builder, FrameworkLoader loader, String frameworkVersion,
                              int defaultPeriodMonths, String outputDirectory, Data sources) {
        this.builder = builder;
        this.loader = loader;
        this.data = sources.data();
        this.contributors = sources.contributors();
        this.state = load(frameworkVersion, defaultPeriodMonths, outputDirectory);
    }

    /**
     * The configured output directory, a path inside core's export folder (the console writes nowhere else): the
     * setting, or {@code cqc/evidence} when it is empty.
     */
    static String outputDirectory(String setting) {
        return setting == null || setting.isBlank() ? DEFAULT_OUTPUT : setting.trim();
    }

    /**
     * The name, for {@code FileArea.writable}, of where a pack named {@code out} goes: the output directory itself
     * when absent, a relative path inside it, an absolute path as it is (the file area decides whether it may be
     * written).
     */
    public String outputName(String out) {
        String dir = state.outputDirectory();
        if (out == null || out.isBlank()) {
            return dir;
        }
        return Path.of(out.trim()).isAbsolute() ? out.trim() : Path.of(dir).resolve(out.trim()).toString();
    }

    @Modified
    void modified(CqcConfig config) {
        this.state = load(config.frameworkVersion(), config.defaultPeriodMonths(),
                outputDirectory(config.outputDirectory()));
    }

    /** Applies a new configuration: loads the framework version named (or records why it could not). */
    public void configure(String frameworkVersion, int defaultPeriodMonths) {
        this.state = load(frameworkVersion, defaultPeriodMonths, state.outputDirectory());
    }

    private State load(String version, int months, String outputDirectory) {
        String v = version == null ? DEFAULT_FRAMEWORK : version.trim();
        int m = months < 1 ? DEFAULT_MONTHS : months;
        try {
            CqcFramework framework = loader.load(v);
            LOG.info("CQC framework {} loaded: {} quality statements", v, framework.framework().statements().size());
            return new State(v, m, framework, null, outputDirectory);
        } catch (CampaignException e) {
            LOG.warn("CQC framework {} did not load: {}", v, e.getMessage());
            return new State(v, m, null, e.getMessage(), outputDirectory);
        }
    }

    /** The configured framework version (loaded or not). */
    public String frameworkVersion() {
        return state.version();
    }

    /**
     * The loaded framework and rules.
     *
     * @throws FrameworkUnavailableException when the configured version did not load, with the reason
     */
    public CqcFramework framework() {
        State s = state;
        if (s.framework() == null) {
            throw new FrameworkUnavailableException("CQC framework " + s.version() + " is not loaded: " + s.problem());
        }
        return s.framework();
    }

    /** UP naming the framework version loaded, or DOWN with the reason it did not load. */
    public PartnerHealth health() {
        State s = state;
        return s.framework() == null
                ? new PartnerHealth(PartnerHealth.Status.DOWN, "framework " + s.version() + " not loaded: " + s.problem())
                : new PartnerHealth(PartnerHealth.Status.UP, "framework " + s.version() + " loaded");
    }

    /**
     * A member's evidence pack for a period given as text (either end may be absent: see {@link EvidencePeriods}).
     *
     * @throws uk.nhs.safety.campaign.api.ValidationException naming {@code from}/{@code to} for a bad date
     * @throws uk.nhs.safety.campaign.api.NotFoundException   for an unknown ODS code
     * @throws FrameworkUnavailableException                   when the framework did not load
     */
    public EvidencePack pack(String odsCode, String from, String to) {
        State s = state;
        CqcFramework framework = framework();
        EvidencePack.Period period = EvidencePeriods.parse(from, to, builder.today(), s.months());
        String ods = odsCode.trim().toUpperCase(Locale.ROOT);
        EvidencePackBuilder.Sources sources = data == null
                ? new EvidencePackBuilder.Sources(List.of(), Map.of(), contributors.get())
                : new EvidencePackBuilder.Sources(data.registrations(ods), overrideStatements(ods),
                contributors.get());
        return builder.build(framework, ods, period, sources);
    }

    private Map<String, List<String>> overrideStatements(String ods) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        data.overrides(ods).forEach((k, o) -> out.put(k, o.statements()));
        return out;
    }

    /**
     * The partner's own data (CQC registrations, mapping overrides).
     *
     * @throws CampaignException when this service runs without it (tests only)
     */
    public CqcData data() {
        if (data == null) {
            throw new CampaignException("the CQC partner's tables are not available");
        }
        return data;
    }

    /**
     * Sets a per-item mapping: the member's item of this kind and key is evidence for exactly these statements
     * (none: deliberately for no statement). Checked first: the member exists, the kind is a kind of item, every
     * statement id is one of the loaded framework's.
     *
     * @throws uk.nhs.safety.campaign.api.ValidationException naming the kind or each unknown statement
     */
    public CqcData.MappingOverride setMapping(String odsCode, String kind, String key, List<String> statements,
                                              String by) {
        String ods = odsCode.trim().toUpperCase(Locale.ROOT);
        builder.member(ods);
        List<Violation> problems = new ArrayList<>();
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        if (!k.matches("[a-z][a-z-]{1,19}")) {
            problems.add(Violation.of("kind", kind, "a kind of item: " + String.join(", ",
                    Arrays.stream(ItemKind.values()).map(ItemKind::id).toList())
                    + ", or a partner's kind such as claims-linkage"));
        }
        if (key == null || key.isBlank() || key.length() > 60) {
            problems.add(Violation.of("key", key, "the item's key (an action's id, a driver's or measure's key),"
                    + " 1 to 60 characters"));
        }
        Set<String> known = new HashSet<>();
        framework().framework().keyQuestions().forEach(q -> q.statements().forEach(st -> known.add(st.id())));
        List<String> ids = new ArrayList<>();
        for (String st : statements) {
            String id = st == null ? "" : st.trim();
            if (!known.contains(id)) {
                problems.add(Violation.of("statements", st, "not a quality statement of CQC framework "
                        + frameworkVersion() + " (cqc:framework lists them)"));
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CqcData.MappingOverride o = new CqcData.MappingOverride(ods, k, key.trim(), ids, by);
        data().setOverride(o);
        return o;
    }

    /**
     * Checks the member exists.
     *
     * @throws uk.nhs.safety.campaign.api.NotFoundException when it does not
     */
    public void memberOrThrow(String odsCode) {
        builder.member(odsCode);
    }

    /** Every member's ODS code (for a bulk export of all members). */
    public List<String> memberCodes() {
        return builder.memberCodes();
    }

    /** The statements a member has no evidence for, over the same period as {@link #pack}. */
    public GapReport gaps(String odsCode, String from, String to) {
        return GapReport.of(pack(odsCode, from, to));
    }

    private record State(String version, int months, CqcFramework framework, String problem,
                         String outputDirectory) {
    }
}
