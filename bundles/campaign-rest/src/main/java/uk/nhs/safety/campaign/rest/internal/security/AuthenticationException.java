package uk.nhs.safety.campaign.rest.internal.security;

/**
 * Credentials were given but refused (→ 401), too many failures came from this caller (→ 429), or the shipped default
 * password was used from another machine (→ 403, with a message saying how to change it).
 */
public final class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason { BAD_CREDENTIALS, RATE_LIMITED, DEFAULT_PASSWORD }

    private final Reason reason;
    private final long retryAfterSeconds;

    public AuthenticationException(Reason reason, String message, long retryAfterSeconds) {
        super(message);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#RATE_LIMITED}: seconds until the caller may try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
