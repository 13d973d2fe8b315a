package uk.nhs.safety.campaign.api.spc;

/** The Making Data Count assurance icon: can the process be relied on to meet its target? */
public enum Assurance {
    /** The process limits lie wholly on the good side of the target. */
    CONSISTENTLY_PASSES("Consistently passes the target"),
    /** The process limits lie wholly on the bad side of the target. */
    CONSISTENTLY_FAILS("Consistently fails the target"),
    /** The target lies between the limits: the process will sometimes meet it and sometimes not. */
    INCONSISTENT("Hit and miss: the process will sometimes meet the target and sometimes not"),
    /** No target, or a neutral measure, or too few points to say. */
    NOT_APPLICABLE("Assurance not applicable: no target, or too few points");

    private final String label;

    Assurance(String label) {
        this.label = label;
    }

    /**
     * The icon's meaning in words, for readers who cannot tell the icons apart by colour (the web pages show the same
     * words).
     *
     * @since 1.2
     */
    public String label() {
        return label;
    }
}
