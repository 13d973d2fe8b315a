package uk.nhs.safety.campaign.api.spc;

import java.util.List;

/**
 * An XmR chart, analysed.
 *
 * @param points      every point, in period order
 * @param phases      the phases (one unless re-baselined)
 * @param variation   the variation icon of the latest point ({@link Variation#COMMON_CAUSE} when there are no points)
 * @param assurance   the assurance icon against the target, judged on the latest phase's limits
 * @param provisional true when the latest phase's limits are provisional
 */
public record SpcResult(List<SpcPoint> points, List<SpcPhase> phases, Variation variation, Assurance assurance,
                        boolean provisional) {
    public SpcResult {
        points = List.copyOf(points);
        phases = List.copyOf(phases);
    }
}
