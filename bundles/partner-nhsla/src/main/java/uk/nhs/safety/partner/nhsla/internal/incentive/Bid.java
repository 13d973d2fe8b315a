package uk.nhs.safety.partner.nhsla.internal.incentive;

import java.util.List;

/**
 * A member's incentive bid.
 *
 * @param odsCode           the member
 * @param schemeYear        the scheme (financial) year bid for, e.g. 2014 for 2014/15
 * @param contributionPence the member's CNST contribution, in pence
 * @param askedPence        the amount asked, in pence
 * @param areas             the claim areas (specialties) the bid says its plan addresses
 */
public record Bid(String odsCode, int schemeYear, long contributionPence, long askedPence, List<String> areas) {
    public Bid {
        areas = List.copyOf(areas);
    }
}
