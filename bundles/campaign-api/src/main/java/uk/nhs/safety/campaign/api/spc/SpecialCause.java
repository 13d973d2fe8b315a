package uk.nhs.safety.campaign.api.spc;

/** The special-cause rules, in order of precedence (a point flagged by several shows the first). */
public enum SpecialCause {
    /** A point above the upper or below the lower process limit. */
    OUTSIDE_LIMITS,
    /** Seven points in a row all increasing or all decreasing (a tie breaks the trend). */
    TREND,
    /** Two of three consecutive points beyond two thirds of the way to a limit, on the same side. */
    TWO_OF_THREE_NEAR_LIMIT,
    /** Seven points in a row on one side of the mean (a point on the mean breaks the run). */
    RUN
}
