package uk.nhs.safety.campaign.api;

/**
 * The campaign store (the database) cannot be used just now: it does not answer, its schema is not migrated yet, or
 * the platform refuses it (for example an empty database where this node has held data). Nothing was changed. The
 * condition is expected to pass without any change to the request: ask again after {@link #retryAfterSeconds()}.
 * The HTTP API answers it with 503 and {@code Retry-After}.
 */
public class StoreUnavailableException extends CampaignException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * @param message           one line naming what is unavailable and why, fit to show a user
     * @param retryAfterSeconds how long a caller should wait before trying again (at least 1)
     */
    public StoreUnavailableException(String message, long retryAfterSeconds) {
        this(message, retryAfterSeconds, null);
    }

    /**
     * @param message           one line naming what is unavailable and why, fit to show a user
     * @param retryAfterSeconds how long a caller should wait before trying again (at least 1)
     * @param cause             the failure behind it, or {@code null}
     */
    public StoreUnavailableException(String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** How long a caller should wait before trying again, in seconds (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
