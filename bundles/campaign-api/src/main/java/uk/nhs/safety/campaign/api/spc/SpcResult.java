package uk.nhs.safety.campaign.api.spc;

import java.util.List;
import java.util.Objects;

/**
 * A chart, analysed.
 *
 * @param points      every point, in period order
 * @param phases      the phases (one unless re-baselined)
 * @param variation   the variation icon of the latest point ({@link Variation#COMMON_CAUSE} when there are no points)
 * @param assurance   the assurance icon against the target, judged on the latest phase's limits
 * @param provisional true when the latest phase's limits are provisional
 * @param chartType   the kind of chart (since 1.1)
 * @param profile     the rule profile that produced the signals and icons (since 1.1)
 * @param limitsNote  a short explanation for readers of how the limits were set and, on p and u charts, why they
 *                    vary from point to point (since 1.1)
 * @param target      the target the assurance was judged against, or {@code null}: for a measure with a target
 *                    trajectory, the step in force at the latest point (since 1.2)
 */
public record SpcResult(List<SpcPoint> points, List<SpcPhase> phases, Variation variation, Assurance assurance,
                        boolean provisional, ChartType chartType, SpcRuleProfile profile, String limitsNote,
                        Double target) {
    public SpcResult {
        points = List.copyOf(points);
        phases = List.copyOf(phases);
        Objects.requireNonNull(chartType, "chartType");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(limitsNote, "limitsNote");
    }

    /** A chart whose target is not recorded with it. */
    public SpcResult(List<SpcPoint> points, List<SpcPhase> phases, Variation variation, Assurance assurance,
                     boolean provisional, ChartType chartType, SpcRuleProfile profile, String limitsNote) {
        this(points, phases, variation, assurance, provisional, chartType, profile, limitsNote, null);
    }

    /** An XmR chart under the {@link SpcRuleProfile#MDC} profile. */
    public SpcResult(List<SpcPoint> points, List<SpcPhase> phases, Variation variation, Assurance assurance,
                     boolean provisional) {
        this(points, phases, variation, assurance, provisional, ChartType.XMR, SpcRuleProfile.MDC,
                XMR_LIMITS_NOTE);
    }

    /** How XmR limits are set. */
    public static final String XMR_LIMITS_NOTE =
            "Process limits are the mean ± 2.66 × the mean moving range of each phase.";
}
