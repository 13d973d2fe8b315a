package uk.nhs.safety.campaign.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.TargetStep;

/**
 * A measure in a plan.
 *
 * @param key        identifier unique within the member's plan, lower case with hyphens (e.g. {@code falls-per-1000})
 * @param name       short name
 * @param type       outcome, process or balancing
 * @param definition operational definition: exactly what is counted and how
 * @param unit       unit of the values, e.g. "per 1,000 bed days", "%"
 * @param direction  which way is better
 * @param baseline   baseline value, or {@code null}
 * @param target     target value, or {@code null}
 * @param linkedTo   {@link DriverDiagram#AIM} or the key of a driver in the plan's diagram
 * @param rebaseFrom periods from which the process limits are re-calculated (a deliberate process change)
 * @param chartType  the kind of SPC chart; {@link ChartType#XMR} when not given (since 1.2)
 * @param ruleProfile the name of the SPC rule profile ({@link SpcRuleProfile#named(String)}), or {@code null} for
 *                   the platform's default (since 1.2)
 * @param targets    a target trajectory: steps in ascending date order, each in force from its date until the next;
 *                   before the first step {@code target} is in force (it may be {@code null}). Empty for a measure
 *                   with a single target, which behaves as before (since 1.3)
 */
public record Measure(String key, String name, MeasureType type, String definition, String unit,
                      ImprovementDirection direction, Double baseline, Double target, String linkedTo,
                      List<LocalDate> rebaseFrom, ChartType chartType, String ruleProfile,
                      List<TargetStep> targets) {
    public Measure {
        rebaseFrom = rebaseFrom == null ? List.of() : List.copyOf(rebaseFrom);
        chartType = chartType == null ? ChartType.XMR : chartType;
        // a null step is kept (not List.copyOf) so that validation can name it
        targets = targets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(targets));
    }

    /** A measure with a single target (or none). */
    public Measure(String key, String name, MeasureType type, String definition, String unit,
                   ImprovementDirection direction, Double baseline, Double target, String linkedTo,
                   List<LocalDate> rebaseFrom, ChartType chartType, String ruleProfile) {
        this(key, name, type, definition, unit, direction, baseline, target, linkedTo, rebaseFrom, chartType,
                ruleProfile, null);
    }

    /**
     * The target in force on a day: the last trajectory step starting on or before it, else {@link #target()}.
     *
     * @since 1.3
     */
    public Double targetOn(LocalDate day) {
        return TargetStep.inForce(target, targets, day);
    }

    /** An XmR measure under the platform's default rule profile. */
    public Measure(String key, String name, MeasureType type, String definition, String unit,
                   ImprovementDirection direction, Double baseline, Double target, String linkedTo,
                   List<LocalDate> rebaseFrom) {
        this(key, name, type, definition, unit, direction, baseline, target, linkedTo, rebaseFrom, null, null);
    }
}
