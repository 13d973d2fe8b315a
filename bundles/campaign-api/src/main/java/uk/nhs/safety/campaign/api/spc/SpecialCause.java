package uk.nhs.safety.campaign.api.spc;

/**
 * The special-cause rules, in order of precedence (a point flagged by several shows the first, unless the rule
 * profile's {@link ConflictRule} lets an improvement win).
 */
public enum SpecialCause {
    /** A point above the upper or below the lower process limit. */
    OUTSIDE_LIMITS,
    /** The profile's trend length of points in a row all increasing or all decreasing (a tie breaks the trend). */
    TREND,
    /**
     * Two of three consecutive points beyond two sigma (two thirds of the way to a limit) on the same side; which
     * points count depends on the profile's {@link TwoOfThreeRule}.
     */
    TWO_OF_THREE_NEAR_LIMIT,
    /** The profile's run length of points in a row on one side of the mean (a point on the mean breaks the run). */
    RUN
}
