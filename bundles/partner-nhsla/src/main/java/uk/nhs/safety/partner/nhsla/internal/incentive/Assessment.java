package uk.nhs.safety.partner.nhsla.internal.incentive;

import java.util.List;

/**
 * The outcome of assessing a bid.
 *
 * @param bid        the bid
 * @param approved   whether every rule was met
 * @param reasons    why (each rule failed, or what made it eligible)
 * @param scorePence the claims value behind the focus areas the plan names, in the high areas the bid names (ranks bids)
 */
public record Assessment(Bid bid, boolean approved, List<String> reasons, long scorePence) {
    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
