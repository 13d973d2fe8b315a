package uk.nhs.safety.partner.cqc.internal.framework;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import uk.nhs.safety.campaign.api.Pledge;

/**
 * The default mapping rules, as loaded from {@code mapping/default-rules.json}: which quality statements a published
 * pledge action (by its pledge) and a plan item (by the plan's focus areas) are evidence for, and the evidence
 * category of each kind of item.
 *
 * @param description what the rules are, for people reading the file
 * @param pledges     statement ids per pledge number ("1" to "5")
 * @param focusAreas  statement ids per focus-area code
 * @param categories  evidence category id per item kind id (see {@link ItemKind#id()})
 */
public record MappingRules(String description, Map<String, List<String>> pledges,
                           Map<String, List<String>> focusAreas, Map<String, String> categories) {
    public MappingRules {
        pledges = copy(pledges);
        focusAreas = copy(focusAreas);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
    }

    /** The statements a published action under this pledge is evidence for (none when no rule names the pledge). */
    public List<String> forPledge(Pledge pledge) {
        return pledges.getOrDefault(String.valueOf(pledge.number()), List.of());
    }

    /** The statements plan items working on this focus area are evidence for (none when no rule names it). */
    public List<String> forFocusArea(String code) {
        return focusAreas.getOrDefault(code, List.of());
    }

    /** The evidence category id of an item kind, or {@code null} when the rules name none. */
    public String categoryOf(ItemKind kind) {
        return categories.get(kind.id());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> rules) {
        Map<String, List<String>> out = new TreeMap<>();
        if (rules != null) {
            rules.forEach((k, v) -> out.put(k, v == null ? List.of() : List.copyOf(v)));
        }
        return Map.copyOf(out);
    }
}
