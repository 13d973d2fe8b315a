package uk.nhs.safety.partner.cqc.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

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
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePackBuilder;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePeriods;
import uk.nhs.safety.partner.cqc.internal.evidence.GapReport;
import uk.nhs.safety.partner.cqc.internal.framework.CqcFramework;
import uk.nhs.safety.partner.cqc.internal.framework.FrameworkLoader;

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
    /** NHS organisations work on UK dates: the day an action was published is the day in London. */
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Logger LOG = LoggerFactory.getLogger(CqcEvidenceService.class);

    private final EvidencePackBuilder builder;
    private final FrameworkLoader loader;
    private volatile State state;

    @Activate
    public CqcEvidenceService(@Reference MemberService members, @Reference PledgeService pledges,
                              @Reference PlanService plans, @Reference MeasureService measures, CqcConfig config) {
        this(new EvidencePackBuilder(members, pledges, plans, measures, Clock.system(ZONE)),
                new FrameworkLoader(new CqcJson()), config.frameworkVersion(), config.defaultPeriodMonths());
    }

    public CqcEvidenceService(EvidencePackBuilder builder, FrameworkLoader loader, String frameworkVersion,
                              int defaultPeriodMonths) {
        this.builder = builder;
        this.loader = loader;
        this.state = load(frameworkVersion, defaultPeriodMonths);
    }

    @Modified
    void modified(CqcConfig config) {
        configure(config.frameworkVersion(), config.defaultPeriodMonths());
    }

    /** Applies a new configuration: loads the framework version named (or records why it could not). */
    public void configure(String frameworkVersion, int defaultPeriodMonths) {
        this.state = load(frameworkVersion, defaultPeriodMonths);
    }

    private State load(String version, int months) {
        String v = version == null ? DEFAULT_FRAMEWORK : version.trim();
        int m = months < 1 ? DEFAULT_MONTHS : months;
        try {
            CqcFramework framework = loader.load(v);
            LOG.info("CQC framework {} loaded: {} quality statements", v, framework.framework().statements().size());
            return new State(v, m, framework, null);
        } catch (CampaignException e) {
            LOG.warn("CQC framework {} did not load: {}", v, e.getMessage());
            return new State(v, m, null, e.getMessage());
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
        return builder.build(framework, odsCode.trim().toUpperCase(Locale.ROOT), period);
    }

    /** The statements a member has no evidence for, over the same period as {@link #pack}. */
    public GapReport gaps(String odsCode, String from, String to) {
        return GapReport.of(pack(odsCode, from, to));
    }

    private record State(String version, int months, CqcFramework framework, String problem) {
    }
}
