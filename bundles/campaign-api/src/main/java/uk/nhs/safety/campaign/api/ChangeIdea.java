package uk.nhs.safety.campaign.api;

import java.util.List;

/**
 * A change idea, tested in PDSA cycles, linked to one or more secondary drivers.
 *
 * @param key           identifier unique within the diagram (e.g. {@code C1})
 * @param text          the idea
 * @param secondaryKeys keys of the secondary drivers it works on (at least one, all existing)
 */
public record ChangeIdea(String key, String text, List<String> secondaryKeys) {
    public ChangeIdea {
        secondaryKeys = secondaryKeys == null ? List.of() : List.copyOf(secondaryKeys);
    }
}
