package uk.nhs.safety.campaign.api.partner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a partner route answers. Core adds the security and caching headers and compresses large bodies.
 *
 * <p>Caching: core decides {@code Cache-Control} as for its own routes (private for authenticated callers, no-store
 * for writes and errors, a short public max-age for anonymous reads), except that a response carrying its own
 * {@code Cache-Control} header (see {@link #cacheFor}) keeps it when core answers an anonymous {@code GET} or
 * {@code HEAD} with a 2xx status, i.e. on a {@link RouteAccess#PUBLIC} route. Elsewhere core's own value wins.
 *
 * @param status      HTTP status
 * @param contentType media type of the body
 * @param body        the body bytes
 * @param headers     extra headers (e.g. {@code Content-Disposition}); core's own headers win on conflict, but for
 *                    {@code Cache-Control} on anonymous reads
 */
public record PartnerResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** The caching header a public route may set for anonymous readers. Since 1.3. */
    public static final String CACHE_CONTROL = "Cache-Control";

    public PartnerResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /**
     * This response with {@code Cache-Control: public, max-age=<seconds>}: how long browsers and shared caches may
     * keep a public route's answer (core applies it to anonymous reads only, see above). Since 1.3.
     *
     * @param maxAge zero or more, whole seconds
     */
    public PartnerResponse cacheFor(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("max-age must not be negative: " + maxAge);
        }
        Map<String, String> withCaching = new HashMap<>(headers);
        withCaching.keySet().removeIf(CACHE_CONTROL::equalsIgnoreCase);
        withCaching.put(CACHE_CONTROL, "public, max-age=" + maxAge.toSeconds());
        return new PartnerResponse(status, contentType, body, withCaching);
    }

    /** A JSON response from already-serialised JSON text. */
    public static PartnerResponse json(int status, String json) {
        return new PartnerResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
