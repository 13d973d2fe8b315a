package uk.nhs.safety.campaign.api;

import java.time.LocalDate;
import java.util.List;

import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * One measure's latest Making Data Count icons: a row of the icon summary ({@link MeasureService#icons},
 * {@link MeasureService#nationalIcons}).
 *
 * @param key                the measure's key
 * @param name               the measure's name
 * @param unit               unit of the values
 * @param direction          which way is better
 * @param chartType          the kind of chart
 * @param ruleProfile        the name of the rule profile that produced the icons
 * @param ruleProfileVersion the profile's version
 * @param variation          the variation icon of the latest point ({@link Variation#COMMON_CAUSE} with no points)
 * @param assurance          the assurance icon against the target
 * @param provisional        true when the latest phase's limits are provisional (too few points)
 * @param points             how many values the chart has
 * @param latestValue        the latest point's charted value (the rate or proportion on p and u charts), or
 *                           {@code null} with no values
 * @param target             the target in force at the latest point (a trajectory's step), else the measure's
 *                           target, or {@code null}
 * @param latestPeriod       the period of the latest point, or {@code null} with no values
 * @since 1.3
 */
public record MeasureIcons(String key, String name, String unit, ImprovementDirection direction, ChartType chartType,
                           String ruleProfile, String ruleProfileVersion, Variation variation, Assurance assurance,
                           boolean provisional, int points, Double latestValue, Double target,
                           LocalDate latestPeriod) {

    /** The row of an analysed measure. */
    public static MeasureIcons of(MeasureProgress progress) {
        Measure m = progress.measure();
        SpcResult spc = progress.spc();
        List<SpcPoint> all = spc.points();
        SpcPoint last = all.isEmpty() ? null : all.get(all.size() - 1);
        return new MeasureIcons(m.key(), m.name(), m.unit(), m.direction(), spc.chartType(), spc.profile().name(),
                spc.profile().version(), spc.variation(), spc.assurance(), spc.provisional(), all.size(),
                last == null ? null : last.value(), spc.target() != null ? spc.target() : m.target(),
                last == null ? null : last.period());
    }
}
