package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of a target trajectory: the target in force from a date until the next step's date (e.g. 8 falls per
 * 1,000 bed days from April 2015, then 6 from April 2016).
 *
 * @param value the target from that date
 * @param from  the first day the value is in force
 * @since 1.2
 */
public record TargetStep(Double value, LocalDate from) {

    /**
     * The target in force on a day: the value of the last step that starts on or before it; before the first step
     * (or with no steps) the measure's single {@code target}.
     *
     * @param target the single target in force before the first step, or {@code null}
     * @param steps  the trajectory, in date order
     * @param day    the day, or {@code null} for no target at all
     * @return the target in force, or {@code null}
     */
    public static Double inForce(Double target, List<TargetStep> steps, LocalDate day) {
        if (day == null) {
            return null;
        }
        Double inForce = target;
        for (TargetStep step : steps) {
            if (step != null && step.from() != null && !step.from().isAfter(day)) {
                inForce = step.value();
            }
        }
        return inForce;
    }
}
