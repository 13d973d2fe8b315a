package uk.nhs.safety.campaign.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The whole editable content of a safety improvement plan: what a plan import carries and what each published
 * version freezes.
 *
 * @param title       the plan's title
 * @param periodStart first day of the three-year period
 * @param periodEnd   last day of the period (three years after the start, less a day)
 * @param focusAreas  codes from the focus-area vocabulary, at least one
 * @param diagram     the driver diagram
 * @param measures    the measures, linked to the aim or to drivers
 */
public record PlanContent(String title, LocalDate periodStart, LocalDate periodEnd, List<String> focusAreas,
                          DriverDiagram diagram, List<Measure> measures) {
    public PlanContent {
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }
}
