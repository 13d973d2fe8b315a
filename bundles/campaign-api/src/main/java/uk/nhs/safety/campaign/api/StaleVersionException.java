package uk.nhs.safety.campaign.api;

/**
 * A write named a version of the record that is no longer current (someone else changed it first). Nothing was
 * changed; read the record again and re-apply the edit.
 */
public final class StaleVersionException extends CampaignException {
    private static final long serialVersionUID = 1L;
    private final long expected;
    private final long current;

    public StaleVersionException(String what, long expected, long current) {
        super(what + " was changed by someone else: you edited version " + expected + ", the current version is "
                + current + "; reload and try again");
        this.expected = expected;
        this.current = current;
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }
}
