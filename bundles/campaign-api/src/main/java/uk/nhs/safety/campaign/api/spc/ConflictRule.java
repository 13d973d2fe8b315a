package uk.nhs.safety.campaign.api.spc;

/**
 * What a point shows when several rules flag it with different meanings (e.g. above the upper limit, a concern,
 * yet part of a falling trend, an improvement).
 *
 * @since 1.1
 */
public enum ConflictRule {
    /**
     * Making Data Count: an improvement signal wins over a concern (for a measure with a direction); otherwise the
     * first rule in {@link SpecialCause} order, and a turning point shared by two trends keeps the trend it ends.
     */
    IMPROVEMENT_WINS,
    /**
     * NHSRplotthedots 0.2.2 ({@code ptd_special_cause_type}): the first rule in {@link SpecialCause} order decides,
     * and a turning point shared by two trends takes the side of the trend it starts.
     */
    RULE_PRECEDENCE
}
