package uk.nhs.safety.partner.nhsla.internal.incentive;

import java.util.List;

/**
 * The ranked allocation of a scheme year's budget to approved bids.
 *
 * @param schemeYear     the scheme year
 * @param budgetPence    the cap
 * @param allocatedPence what was allocated (never more than the cap)
 * @param lines          approved bids, in rank order
 * @param rejectedBids   how many bids of that year were rejected (not ranked)
 */
public record Allocation(int schemeYear, long budgetPence, long allocatedPence, List<Line> lines,
                         long rejectedBids) {
    public Allocation {
        lines = List.copyOf(lines);
    }

    /**
     * One approved bid's place.
     *
     * @param rank         1 for the first funded
     * @param odsCode      the member
     * @param scorePence   claims value addressed (the ranking key)
     * @param askedPence   amount asked
     * @param grantedPence amount allocated
     * @param outcome      funded, part-funded or not funded
     */
    public record Line(int rank, String odsCode, long scorePence, long askedPence, long grantedPence,
                       String outcome) {
    }
}
