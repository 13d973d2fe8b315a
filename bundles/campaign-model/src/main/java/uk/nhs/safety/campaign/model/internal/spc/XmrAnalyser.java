package uk.nhs.safety.campaign.model.internal.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.DataPoint;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;
import uk.nhs.safety.campaign.api.spc.SpcPhase;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * The Making Data Count XmR chart: process limits per phase, the four special-cause rules evaluated within each
 * phase, the variation icon per point and the assurance icon against a target. Stateless and thread-safe, so one
 * instance serves every caller; internal code that is not a component may simply construct one.
 */
@Component(service = SpcAnalyser.class)
public final class XmrAnalyser implements SpcAnalyser {

    /** A phase with fewer points than this has provisional limits. */
    static final int POINTS_FOR_FIRM_LIMITS = 13;

    public XmrAnalyser() {
        // Stateless: nothing to set up.
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
        List<LocalDate> rebase = rebaseFrom == null ? List.of() : rebaseFrom;
        validate(points, direction, target, rebase);
        if (points.isEmpty()) {
            return new SpcResult(List.of(), List.of(), Variation.COMMON_CAUSE, Assurance.NOT_APPLICABLE, true);
        }
        List<DataPoint> series = new ArrayList<>(points);
        series.sort(Comparator.comparing(DataPoint::period));
        Set<LocalDate> phaseStarts = new HashSet<>(rebase);

        List<SpcPoint> chart = new ArrayList<>(series.size());
        List<SpcPhase> phases = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= series.size(); i++) {
            if (i == series.size() || phaseStarts.contains(series.get(i).period())) {
                phases.add(analysePhase(series.subList(from, i), phases.size(), direction, chart));
                from = i;
            }
        }
        SpcPhase latest = phases.get(phases.size() - 1);
        return new SpcResult(chart, phases, chart.get(chart.size() - 1).variation(),
                assurance(direction, target, latest), latest.provisional());
    }

    private static SpcPhase analysePhase(List<DataPoint> phasePoints, int phaseIndex, ImprovementDirection direction,
                                         List<SpcPoint> chart) {
        double[] values = phasePoints.stream().mapToDouble(DataPoint::value).toArray();
        XmrLimits limits = XmrLimits.of(values);
        Signal[] signals = SpecialCauseRules.evaluate(values, limits);
        for (int i = 0; i < values.length; i++) {
            Double movingRange = i == 0 ? null : Math.abs(values[i] - values[i - 1]);
            Signal signal = signals[i];
            chart.add(new SpcPoint(phasePoints.get(i).period(), values[i], movingRange, limits.mean(),
                    limits.upper(), limits.lower(), signal == null ? null : signal.cause(),
                    signal == null ? Variation.COMMON_CAUSE : signal.variation(direction), phaseIndex));
        }
        return new SpcPhase(phasePoints.get(0).period(), values.length, limits.mean(), limits.meanMovingRange(),
                limits.upper(), limits.lower(), values.length < POINTS_FOR_FIRM_LIMITS);
    }

    /**
     * Making Data Count says "a target outside the limits on the good side consistently passes". Read with the
     * icons, that means the whole band of expected values lies on the good side of the target: for a measure
     * where higher is better the process passes every time when even its lower limit beats the target, and fails
     * every time when even its upper limit falls short. A target on a limit is still reachable either way, so it
     * counts as inconsistent.
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
                                 List<LocalDate> rebase) {
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
}
