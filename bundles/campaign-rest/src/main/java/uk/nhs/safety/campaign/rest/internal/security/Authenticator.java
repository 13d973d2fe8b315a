package uk.nhs.safety.campaign.rest.internal.security;

/**
 * Turns a request's credentials into a {@link Caller}. Implemented by the JAAS Basic / bearer-token authenticator;
 * the HTTP layer calls it once per request before routing.
 */
public interface Authenticator {

    /**
     * @param authorization the {@code Authorization} header, or {@code null} when absent (→ anonymous)
     * @param remoteAddress the client address, for rate limiting and the log
     * @throws AuthenticationException when credentials were given but are wrong, or the caller is rate-limited
     */
    Caller authenticate(String authorization, String remoteAddress) throws AuthenticationException;

    /**
     * Checks a user name and password from the web pages' login form exactly as HTTP Basic credentials would be
     * checked (same realm, same failed-login throttling and logging).
     */
    default Caller login(String user, String password, String remoteAddress) throws AuthenticationException {
        String credentials = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return authenticate("Basic " + credentials, remoteAddress);
    }
}
