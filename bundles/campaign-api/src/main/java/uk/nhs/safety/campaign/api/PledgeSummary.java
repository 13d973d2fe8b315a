package uk.nhs.safety.campaign.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A member's pledge page at a glance.
 *
 * @param odsCode   the member
 * @param published count of published actions per pledge (every pledge present, 0 when none)
 * @param drafts    count of draft actions per pledge (every pledge present)
 */
public record PledgeSummary(String odsCode, Map<Pledge, Integer> published, Map<Pledge, Integer> drafts) {

    public PledgeSummary {
        published = Map.copyOf(published);
        drafts = Map.copyOf(drafts);
    }

    /** The page counts as published only when every pledge has at least one published action. */
    public boolean pagePublished() {
        return missing().isEmpty();
    }

    /** The pledges that still have no published action. */
    public Set<Pledge> missing() {
        Set<Pledge> missing = EnumSet.noneOf(Pledge.class);
        for (Pledge p : Pledge.values()) {
            if (published.getOrDefault(p, 0) == 0) {
                missing.add(p);
            }
        }
        return missing;
    }
}
