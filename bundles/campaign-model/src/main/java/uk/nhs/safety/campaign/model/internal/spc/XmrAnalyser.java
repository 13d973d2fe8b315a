package uk.nhs.safety.campaign.model.internal.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;
import uk.nhs.safety.campaign.api.spc.SpcPhase;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * The Making Data Count SPC charts (XmR, p, u, T and G): process limits per phase, the four special-cause rules
 * evaluated within each phase under a rule profile, the variation icon per point and the assurance icon against a
 * target. Stateless apart from the configured default profile, and thread-safe, so one instance serves every
 * caller; internal code that is not a component may simply construct one (default profile MDC).
 */
@Component(service = SpcAnalyser.class, configurationPid = XmrAnalyser.PID)
@Designate(ocd = XmrAnalyser.Config.class)
public final class XmrAnalyser implements SpcAnalyser {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.spc";

    private static final Logger LOG = LoggerFactory.getLogger(XmrAnalyser.class);

    /** The platform's default rule profile. */
    @ObjectClassDefinition(name = "Campaign SPC charts",
            description = "The rule profile of every chart whose measure names none")
    public @interface Config {
        @AttributeDefinition(name = "Default rule profile",
                description = "MDC (Making Data Count as taught now) or NHSRPLOTTHEDOTS_0_2_2")
        String defaultProfile() default "MDC";
    }

    private volatile SpcRuleProfile defaultProfile;

    /** An analyser whose default profile is {@link SpcRuleProfile#MDC}. */
    public XmrAnalyser() {
        this.defaultProfile = SpcRuleProfile.MDC;
    }

    @Activate
    public XmrAnalyser(Config config) {
        this.defaultProfile = profileOf(config);
    }

    @Modified
    void modified(Config config) {
        this.defaultProfile = profileOf(config);
    }

    private static SpcRuleProfile profileOf(Config config) {
        String name = config.defaultProfile();
        return SpcRuleProfile.named(name).orElseGet(() -> {
            LOG.error("{} defaultProfile '{}' is not a known rule profile ({}): using MDC", PID, name,
                    SpcRuleProfile.known().stream().map(SpcRuleProfile::name).toList());
            return SpcRuleProfile.MDC;
        });
    }

    @Override
    public SpcRuleProfile defaultProfile() {
        return defaultProfile;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A {@code null} {@code rebaseFrom} means no re-baseline. Refuses, with every violation found, a missing
     * series or direction, null or duplicate periods, values that are not finite numbers, a target that is not
     * finite, and re-baseline dates that are missing, repeated, not a period of the series, or its first period.
     */
    @Override
    public SpcResult analyse(List<DataPoint> points, ImprovementDirection direction, Double target,
                             List<LocalDate> rebaseFrom) {
        return analyse(points, direction, target, rebaseFrom, ChartType.XMR, null);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Refuses, besides what the XmR form refuses: on p and u charts a denominator that is missing, not finite
     * or not positive, and a negative count; on p charts a count above its denominator; on T and G charts a
     * negative time or gap. A denominator given to an XmR, T or G chart is ignored.
     */
    @Override
    public SpcResult analyse(List<DataPoint> points, ImprovementDirection direction, Double target,
                             List<LocalDate> rebaseFrom, ChartType chartType, SpcRuleProfile profile) {
        ChartType type = chartType == null ? ChartType.XMR : chartType;
        SpcRuleProfile rules = profile == null ? defaultProfile : profile;
        List<LocalDate> rebase = rebaseFrom == null ? List.of() : rebaseFrom;
        validate(points, direction, target, rebase, type);
        String note = PhaseChart.note(type, rules);
        if (points.isEmpty()) {
            return new SpcResult(List.of(), List.of(), Variation.COMMON_CAUSE, Assurance.NOT_APPLICABLE, true, type,
                    rules, note, target);
        }
        List<DataPoint> series = new ArrayList<>(points);
        series.sort(Comparator.comparing(DataPoint::period));
        Set<LocalDate> phaseStarts = new HashSet<>(rebase);

        List<SpcPoint> chart = new ArrayList<>(series.size());
        List<SpcPhase> phases = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= series.size(); i++) {
            if (i == series.size() || phaseStarts.contains(series.get(i).period())) {
                phases.add(analysePhase(series.subList(from, i), phases.size(), direction, type, rules, chart));
                from = i;
            }
        }
        SpcPhase latest = phases.get(phases.size() - 1);
        Assurance assurance = latest.provisional() && rules.assuranceNeedsFirmLimits()
                ? Assurance.NOT_APPLICABLE : assurance(direction, target, latest);
        return new SpcResult(chart, phases, chart.get(chart.size() - 1).variation(), assurance,
                latest.provisional(), type, rules, note, target);
    }

    private static SpcPhase analysePhase(List<DataPoint> phasePoints, int phaseIndex, ImprovementDirection direction,
                                         ChartType type, SpcRuleProfile profile, List<SpcPoint> chart) {
        PhaseChart limits = PhaseChart.of(type, phasePoints, profile);
        Signal[] signals = SpecialCauseRules.evaluate(limits.ruleValues(), limits.bands(), profile, direction);
        double[] values = limits.charted();
        for (int i = 0; i < values.length; i++) {
            Signal signal = signals[i];
            chart.add(new SpcPoint(phasePoints.get(i).period(), values[i], limits.movingRanges()[i], limits.mean(),
                    limits.upper()[i], limits.lower()[i], signal == null ? null : signal.cause(),
                    signal == null ? Variation.COMMON_CAUSE : signal.variation(direction), phaseIndex,
                    type.needsDenominator() ? phasePoints.get(i).denominator() : null));
        }
        return new SpcPhase(phasePoints.get(0).period(), values.length, limits.mean(), limits.meanMovingRange(),
                limits.phaseUpper(), limits.phaseLower(), values.length < profile.minimumPoints());
    }

    /**
     * Making Data Count says "a target outside the limits on the good side consistently passes". Read with the
     * icons, that means the whole band of expected values lies on the good side of the target: for a measure
     * where higher is better the process passes every time when even its lower limit beats the target, and fails
     * every time when even its upper limit falls short. A target on a limit is still reachable either way, so it
     * counts as inconsistent (as NHSRplotthedots' {@code ptd_calculate_assurance_type} has it).
     */
    static Assurance assurance(ImprovementDirection direction, Double target, SpcPhase phase) {
        if (target == null || direction == ImprovementDirection.NEUTRAL) {
            return Assurance.NOT_APPLICABLE;
        }
        double t = target;
        if (direction == ImprovementDirection.UP) {
            if (phase.lowerLimit() > t) {
                return Assurance.CONSISTENTLY_PASSES;
            }
            return phase.upperLimit() < t ? Assurance.CONSISTENTLY_FAILS : Assurance.INCONSISTENT;
        }
        if (phase.upperLimit() < t) {
            return Assurance.CONSISTENTLY_PASSES;
        }
        return phase.lowerLimit() > t ? Assurance.CONSISTENTLY_FAILS : Assurance.INCONSISTENT;
    }

    private static void validate(List<DataPoint> points, ImprovementDirection direction, Double target,
                                 List<LocalDate> rebase, ChartType type) {
        List<Violation> violations = new ArrayList<>();
        if (points == null) {
            violations.add(Violation.of("points", null, "is required (give an empty list for no data)"));
        }
        if (direction == null) {
            violations.add(Violation.of("direction", null, "is required: UP, DOWN or NEUTRAL"));
        }
        if (target != null && !Double.isFinite(target)) {
            violations.add(Violation.of("target", target, "must be a finite number"));
        }
        Map<LocalDate, Integer> indexByPeriod = new HashMap<>();
        LocalDate first = null;
        if (points != null) {
            for (int i = 0; i < points.size(); i++) {
                DataPoint point = points.get(i);
                String field = "points[" + i + "]";
                if (point == null) {
                    violations.add(Violation.of(field, null, "is required"));
                    continue;
                }
                if (!Double.isFinite(point.value())) {
                    violations.add(Violation.of(field + ".value", point.value(), "must be a finite number"));
                } else {
                    checkForChart(type, point, field, violations);
                }
                if (point.period() == null) {
                    violations.add(Violation.of(field + ".period", null, "is required"));
                    continue;
                }
                Integer earlier = indexByPeriod.putIfAbsent(point.period(), i);
                if (earlier != null) {
                    violations.add(Violation.of(field + ".period", point.period(),
                            "duplicates the period of points[" + earlier + "]: each period may appear once"));
                }
                if (first == null || point.period().isBefore(first)) {
                    first = point.period();
                }
            }
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < rebase.size(); i++) {
            LocalDate date = rebase.get(i);
            String field = "rebaseFrom[" + i + "]";
            if (date == null) {
                violations.add(Violation.of(field, null, "is required"));
            } else if (!seen.add(date)) {
                violations.add(Violation.of(field, date, "is given more than once"));
            } else if (date.equals(first)) {
                violations.add(Violation.of(field, date,
                        "is the first period of the series: a re-baseline must start a later phase"));
            } else if (points != null && !indexByPeriod.containsKey(date)) {
                violations.add(Violation.of(field, date,
                        "is not a period of the series: a re-baseline must start at one of its periods"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static void checkForChart(ChartType type, DataPoint point, String field, List<Violation> violations) {
        String chart = "on a " + type.name().toLowerCase(java.util.Locale.ROOT) + " chart";
        if (type.needsDenominator()) {
            Double n = point.denominator();
            if (n == null) {
                violations.add(Violation.of(field + ".denominator", null, "is required " + chart
                        + " (the number of patients, admissions or bed days the count is out of)"));
            } else if (!Double.isFinite(n) || n <= 0) {
                violations.add(Violation.of(field + ".denominator", n, "must be a positive number " + chart));
            }
            if (point.value() < 0) {
                violations.add(Violation.of(field + ".value", point.value(), "is a count and cannot be negative"));
            } else if (type == ChartType.P && n != null && Double.isFinite(n) && n > 0 && point.value() > n) {
                violations.add(Violation.of(field + ".value", point.value(), "is more than its denominator " + n
                        + ": a p chart counts cases out of the denominator"));
            }
        } else if ((type == ChartType.T || type == ChartType.G) && point.value() < 0) {
            violations.add(Violation.of(field + ".value", point.value(), "cannot be negative " + chart
                    + (type == ChartType.T ? " (a time between events)" : " (a count of opportunities between events)")));
        }
    }
}
