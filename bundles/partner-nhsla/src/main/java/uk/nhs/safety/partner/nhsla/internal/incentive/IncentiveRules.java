package uk.nhs.safety.partner.nhsla.internal.incentive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import uk.nhs.safety.partner.nhsla.internal.Money;
import uk.nhs.safety.partner.nhsla.internal.profile.Linkage;

/**
 * The incentive scheme's rules (2014/15 by default): a bid asks at most {@code maxSharePercent} of the member's CNST
 * contribution, for a scheme year that is open, from a member with a published plan that addresses at least one
 * of its high-volume or high-value claim areas named in the bid; approved bids are funded in rank order (claims
 * value addressed, largest first) until the budget cap is spent.
 *
 * @param maxSharePercent most of the contribution a bid may ask, in %
 * @param budgetPence     the scheme-wide cap, in pence
 * @param schemeYears     the scheme years open for bids
 */
public record IncentiveRules(int maxSharePercent, long budgetPence, Set<Integer> schemeYears) {
    public IncentiveRules {
        schemeYears = Set.copyOf(schemeYears);
    }

    /** Assesses a bid against the member's linkage (its high areas and what its published plan addresses). */
    public Assessment assess(Bid bid, Linkage linkage) {
        List<String> reasons = new ArrayList<>();
        boolean ok = true;
        if (!schemeYears.contains(bid.schemeYear())) {
            ok = false;
            reasons.add("scheme year " + bid.schemeYear() + " is not open for bids (open: "
                    + schemeYears.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        if (bid.contributionPence() <= 0) {
            ok = false;
            reasons.add("the CNST contribution must be more than £0");
        }
        if (bid.askedPence() <= 0) {
            ok = false;
            reasons.add("the amount asked must be more than £0");
        } else if (bid.askedPence() * 100 > bid.contributionPence() * maxSharePercent) {
            ok = false;
            reasons.add("asks " + Money.pounds(bid.askedPence()) + ", more than " + maxSharePercent
                    + "% of the CNST contribution " + Money.pounds(bid.contributionPence()) + " ("
                    + Money.pounds(bid.contributionPence() * maxSharePercent / 100) + ")");
        }
        if (linkage.planVersion() == 0) {
            ok = false;
            reasons.add("the member has no published safety improvement plan");
        }
        long score = 0;
        List<String> met = new ArrayList<>();
        for (String named : bid.areas()) {
            Linkage.AreaLink area = linkage.areas().stream()
                    .filter(a -> a.specialty().trim().equalsIgnoreCase(named.trim())).findFirst().orElse(null);
            if (area == null) {
                reasons.add(named + " is not one of the member's high-volume or high-value claim areas");
            } else if (!area.addressed()) {
                reasons.add(area.specialty() + " is a high-" + (area.highValue() ? "value" : "volume")
                        + " area" + (linkage.planVersion() == 0 ? " (a published plan would address it through "
                        : " but the published plan names none of its focus areas (")
                        + String.join(", ", area.links().stream().map(Linkage.FocusLink::focusArea).toList()) + ")");
            } else {
                met.add(area.specialty());
                score += area.addressedPence();
            }
        }
        if (met.isEmpty()) {
            ok = false;
            if (linkage.planVersion() != 0) {
                reasons.add("the bid names no high-volume or high-value area that the published plan addresses");
            }
        } else {
            reasons.add("addresses " + String.join(", ", met) + " (claims value " + Money.pounds(score) + ")");
        }
        return new Assessment(bid, ok, reasons, ok ? score : 0);
    }

    /** Ranks approved bids and funds them in order until the cap is spent; the marginal bid gets what is left. */
    public Allocation allocate(int schemeYear, List<Assessment> assessments) {
        List<Assessment> approved = new ArrayList<>(assessments.stream()
                .filter(a -> a.approved() && a.bid().schemeYear() == schemeYear).toList());
        approved.sort(Comparator.comparingLong(Assessment::scorePence).reversed()
                .thenComparingLong(a -> a.bid().askedPence())
                .thenComparing(a -> a.bid().odsCode().toUpperCase(Locale.ROOT)));
        List<Allocation.Line> lines = new ArrayList<>();
        long left = budgetPence;
        int rank = 1;
        for (Assessment a : approved) {
            long granted = Math.min(left, a.bid().askedPence());
            left -= granted;
            lines.add(new Allocation.Line(rank++, a.bid().odsCode(), a.scorePence(), a.bid().askedPence(), granted,
                    granted == a.bid().askedPence() ? "funded" : granted > 0 ? "part-funded" : "not funded: cap spent"));
        }
        long rejected = assessments.stream().filter(a -> !a.approved() && a.bid().schemeYear() == schemeYear).count();
        return new Allocation(schemeYear, budgetPence, budgetPence - left, lines, rejected);
    }
}
