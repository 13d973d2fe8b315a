package uk.nhs.safety.campaign.api.partner;

import java.time.LocalDate;
import java.util.Set;

import uk.nhs.safety.campaign.api.Pledge;

/**
 * One piece of evidence about a member that a partner offers to others (for example an NHS LA claims-linkage
 * finding, or an incident trend), for evidence packs such as CQC's. Consumers map it by its pledges and focus
 * areas; a consumer that cannot map an item reports it as unmapped, never drops it.
 *
 * @param source       the contributing partner's id
 * @param reference    stable id of the item within its source (the same item keeps the same reference)
 * @param kind         what kind of evidence, lower-case words with hyphens, e.g. {@code claims-linkage}
 * @param title        one line for a reader
 * @param summary      a few sentences for a reader: what it shows, with its figures
 * @param date         the date the evidence is about (or was produced), never {@code null}
 * @param category     the kind of source it is in general terms: {@code outcomes}, {@code processes},
 *                     {@code people's experience}, {@code staff feedback}, {@code partner feedback} or
 *                     {@code observation}
 * @param pledges      the pledges it bears on (may be empty)
 * @param focusAreas   codes of the campaign focus areas it bears on (see
 *                     {@link uk.nhs.safety.campaign.api.FocusArea}), may be empty
 * @param link         where a reader finds more (a path under {@code /api/v1/partners/}), or {@code null}
 */
public record EvidenceItem(String source, String reference, String kind, String title, String summary,
                           LocalDate date, String category, Set<Pledge> pledges, Set<String> focusAreas,
                           String link) {
    public EvidenceItem {
        pledges = Set.copyOf(pledges);
        focusAreas = Set.copyOf(focusAreas);
    }
}
