package uk.nhs.safety.campaign.api.pdsa;

import java.time.LocalDate;
import java.util.List;

/**
 * The editable content of a PDSA cycle, as a form, the console or the API gives it. The Plan stage is required;
 * the Do, Study and Act stages are filled in as the cycle runs, each only after the one before it.
 *
 * @param changeIdea    key of the change idea tested, in the member's current plan (e.g. {@code C1})
 * @param measures      keys of the plan's measures the cycle is expected to move; its marker shows on their charts
 * @param plan          Plan: what is tested (required)
 * @param owner         Plan: who runs the test (required)
 * @param plannedStart  Plan: when the test starts (required)
 * @param plannedEnd    Plan: when it is meant to end, or {@code null}
 * @param prediction    Plan: what the team predicts will happen (required: a test without a prediction teaches
 *                      nothing)
 * @param done          Do: what was actually done, or {@code null} while not started
 * @param doneFrom      Do: first day of the test as run (required with {@code done})
 * @param doneTo        Do: last day, or {@code null} while it runs
 * @param study         Study: what happened, compared with the prediction (needs the Do stage)
 * @param decision      Act: adopt, adapt or abandon (needs the Study stage)
 * @param follows       number of the earlier cycle of the same change idea that decided to adapt and that this
 *                      cycle continues, or {@code null}
 */
public record PdsaCycleInput(String changeIdea, List<String> measures, String plan, String owner,
                             LocalDate plannedStart, LocalDate plannedEnd, String prediction, String done,
                             LocalDate doneFrom, LocalDate doneTo, String study, PdsaDecision decision,
                             Integer follows) {
    public PdsaCycleInput {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }
}
