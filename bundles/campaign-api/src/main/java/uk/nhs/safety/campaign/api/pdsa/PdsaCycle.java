package uk.nhs.safety.campaign.api.pdsa;

import java.time.Instant;

/**
 * A recorded PDSA cycle of a member's change idea. Cycles are numbered 1, 2, 3… per change idea.
 *
 * @param odsCode   the member
 * @param number    the cycle's number within its change idea
 * @param content   what the cycle planned, did, learnt and decided
 * @param next      number of the cycle that follows this one (an adapted change tested again), or {@code null}
 * @param updatedAt last change
 * @param updatedBy who made it
 * @param version   optimistic-locking version; pass it back on update
 */
public record PdsaCycle(String odsCode, int number, PdsaCycleInput content, Integer next, Instant updatedAt,
                        String updatedBy, long version) {

    /** The change idea the cycle tests. */
    public String changeIdea() {
        return content.changeIdea();
    }
}
