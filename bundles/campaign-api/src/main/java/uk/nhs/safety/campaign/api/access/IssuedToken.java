package uk.nhs.safety.campaign.api.access;

/**
 * A token just created: the only time its secret is ever available. Hand it to the partner; it cannot be shown again.
 *
 * @param token  the stored token
 * @param secret the bearer secret to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=***]";
    }
}
