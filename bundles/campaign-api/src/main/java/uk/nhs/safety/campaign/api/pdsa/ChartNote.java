package uk.nhs.safety.campaign.api.pdsa;

import java.time.LocalDate;

/**
 * Something to show at a period of a measure's chart: an editor's annotation, or the start of a PDSA cycle linked
 * to the measure.
 *
 * @param period     the chart period (a measured period) the note belongs to; for a cycle the latest measured period
 *                   on or before the cycle's start, {@code null} when the cycle started before the first value
 * @param text       the annotation, or for a cycle its Plan text
 * @param changeIdea for a cycle its change idea's key, else {@code null}
 * @param cycle      for a cycle its number, else {@code null}
 * @param started    for a cycle the day it started (as done, else as planned), else {@code null}
 * @param decision   for a cycle its Act decision, or {@code null}
 */
public record ChartNote(LocalDate period, String text, String changeIdea, Integer cycle, LocalDate started,
                        PdsaDecision decision) {

    /** An editor's annotation of a period. */
    public static ChartNote annotation(LocalDate period, String text) {
        return new ChartNote(period, text, null, null, null, null);
    }

    /** Whether this is a PDSA cycle's marker (not an annotation). */
    public boolean pdsa() {
        return cycle != null;
    }
}
