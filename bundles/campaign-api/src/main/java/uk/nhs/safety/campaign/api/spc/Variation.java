package uk.nhs.safety.campaign.api.spc;

/** The Making Data Count variation icon for a point or for the latest point of a chart. */
public enum Variation {
    COMMON_CAUSE,
    IMPROVEMENT_HIGH,
    IMPROVEMENT_LOW,
    CONCERN_HIGH,
    CONCERN_LOW,
    NEUTRAL_HIGH,
    NEUTRAL_LOW;

    public boolean special() {
        return this != COMMON_CAUSE;
    }
}
