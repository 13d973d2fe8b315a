package uk.nhs.safety.campaign.api.spc;

/** The Making Data Count variation icon for a point or for the latest point of a chart. */
public enum Variation {
    COMMON_CAUSE("Common cause variation: no significant change"),
    IMPROVEMENT_HIGH("Special cause improvement (higher values)"),
    IMPROVEMENT_LOW("Special cause improvement (lower values)"),
    CONCERN_HIGH("Special cause concern (higher values)"),
    CONCERN_LOW("Special cause concern (lower values)"),
    NEUTRAL_HIGH("Special cause variation (higher values), neither improvement nor concern"),
    NEUTRAL_LOW("Special cause variation (lower values), neither improvement nor concern");

    private final String label;

    Variation(String label) {
        this.label = label;
    }

    /**
     * The icon's meaning in words, for readers who cannot tell the icons apart by colour or shape (the web pages show
     * the same words).
     *
     * @since 1.2
     */
    public String label() {
        return label;
    }

    public boolean special() {
        return this != COMMON_CAUSE;
    }
}
