package uk.nhs.safety.campaign.api.spc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, versioned set of special-cause rules, so that every chart can say which rules produced its icons.
 *
 * @param name                     the profile's name, e.g. {@code MDC}
 * @param version                  the version of the rules this profile reproduces
 * @param runLength                points in a row on one side of the mean that make a run (shift)
 * @param trendLength              points in a row all rising or all falling that make a trend
 * @param minimumPoints            points a phase needs for firm limits; fewer and its limits are provisional
 * @param twoOfThree               which points count towards the 2-of-3 rule
 * @param screenMovingRanges       true to leave moving ranges of 3.267 × the mean moving range or more out of the
 *                                 limits (recomputing the mean moving range without them)
 * @param conflict                 what a point shows when rules conflict
 * @param assuranceNeedsFirmLimits true when no assurance icon is given while the latest phase's limits are
 *                                 provisional
 * @since 1.1
 */
public record SpcRuleProfile(String name, String version, int runLength, int trendLength, int minimumPoints,
                             TwoOfThreeRule twoOfThree, boolean screenMovingRanges, ConflictRule conflict,
                             boolean assuranceNeedsFirmLimits) {

    /**
     * Making Data Count as taught now (the platform's default): run 7 and trend 7 (NHS England's MDC SQL tool
     * v2.5), every point beyond two sigma counts towards 2-of-3 including points beyond the limits (NHSRplotthedots
     * issue #194, November 2023), firm limits and icons from 13 points, improvement wins a conflict, no
     * moving-range screening.
     */
    public static final SpcRuleProfile MDC = new SpcRuleProfile("MDC", "2023-11", 7, 7, 13,
            TwoOfThreeRule.INCLUDING_BEYOND_LIMITS, false, ConflictRule.IMPROVEMENT_WINS, true);

    /**
     * NHSRplotthedots 0.2.2 as its source has it ({@code ptd_spc_standard}, {@code ptd_calculate_point_type},
     * {@code ptd_add_short_group_warnings}, {@code ptd_calculate_assurance_type}): shift 7, trend 7, 2-of-3 on
     * points between two sigma and the limits with all three on one side of the mean, moving ranges of 3.267 ×
     * their mean or more screened out, rule precedence outside limits / trend / 2-of-3 / shift, a warning (here:
     * provisional limits) below 13 points, assurance given whatever the number of points.
     */
    public static final SpcRuleProfile NHSRPLOTTHEDOTS_0_2_2 = new SpcRuleProfile("NHSRPLOTTHEDOTS_0_2_2", "0.2.2",
            7, 7, 13, TwoOfThreeRule.EXCLUDING_BEYOND_LIMITS, true, ConflictRule.RULE_PRECEDENCE, false);

    public SpcRuleProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(twoOfThree, "twoOfThree");
        Objects.requireNonNull(conflict, "conflict");
        if (runLength < 2 || trendLength < 2 || minimumPoints < 1) {
            throw new IllegalArgumentException("run and trend need at least 2 points, firm limits at least 1");
        }
    }

    /** The profiles the platform offers, the default first. */
    public static List<SpcRuleProfile> known() {
        return List.of(MDC, NHSRPLOTTHEDOTS_0_2_2);
    }

    /** The known profile of that name (case-insensitive), if any. */
    public static Optional<SpcRuleProfile> named(String name) {
        return known().stream().filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.trim())).findFirst();
    }
}
