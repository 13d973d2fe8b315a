package uk.nhs.safety.campaign.rest.internal.http;

import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an {@link ApiResponse} into what goes on the wire: security headers, {@code Vary}, {@code Cache-Control}
 * (public for anonymous reads, private for authenticated ones, immutable for plan versions, no-store for writes and
 * errors; a partner's own value for anonymous reads of its public routes), the JSON body, a strong {@code ETag} on
 * every successful read that has none (the body's hash; with a {@code -gzip} suffix when sent compressed), 304 for a
 * matching {@code If-None-Match}, and gzip over 1 KiB. Thread-safe.
 */
public final class Renderer {

    public static final String VARY = "Authorization, Cookie, Accept-Encoding";
    static final String IMMUTABLE = "public, max-age=86400, immutable";
    static final String PRIVATE = "private, no-cache";
    static final String NO_STORE = "no-store";

    private final Json json;

    public Renderer(Json json) {
        this.json = json;
    }

    /** The response as sent. */
    public record Rendered(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** What rendering needs to know about the request. */
    public record Exchange(String method, boolean anonymous, String ifNoneMatch, String acceptEncoding,
                           int anonymousMaxAgeSeconds) {
        boolean read() {
            return "GET".equals(method) || "HEAD".equals(method);
        }
    }

    public Rendered render(ApiResponse response, Exchange exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        headers.putAll(SecurityHeaders.ALL);
        headers.put("Vary", VARY);
        headers.put("Cache-Control", cacheControl(response, exchange));

        int status = response.status();
        byte[] body = response.raw() != null ? response.raw()
                : response.entity() == null ? new byte[0] : json.write(response.entity());
        // Every successful read gets a strong tag, so that a client can revalidate with If-None-Match. A handler's
        // own tag (a lock version, which If-Match sends back on writes) is left as it is.
        boolean hashed = exchange.read() && status == 200 && body.length > 0
                && (!headers.containsKey("ETag") || response.contentTagged());
        if (hashed && !response.contentTagged()) {
            headers.put("ETag", ETags.strongOf(body));
        }
        // A body that arrives already encoded (a partner's choice) is not encoded twice.
        boolean gzip = !headers.containsKey("Content-Encoding") && Gzip.wanted(exchange.acceptEncoding(), body.length);
        if (gzip && hashed) {
            headers.put("ETag", ETags.gzipped(headers.get("ETag")));
        }
        if (exchange.read() && status == 200 && ETags.noneMatchHits(exchange.ifNoneMatch(), headers.get("ETag"))) {
            return new Rendered(304, headers, new byte[0]);
        }
        if (body.length > 0 && response.contentType() != null) {
            headers.put("Content-Type", response.contentType());
        }
        if (gzip) {
            body = Gzip.compress(body);
            headers.put("Content-Encoding", "gzip");
        }
        if ("HEAD".equals(exchange.method())) {
            headers.put("Content-Length", Integer.toString(body.length));
            return new Rendered(status, headers, new byte[0]);
        }
        return new Rendered(status, headers, body);
    }

    static String cacheControl(ApiResponse response, Exchange exchange) {
        if (response.caching() == ApiResponse.Caching.NO_STORE || response.isProblem()) {
            return NO_STORE;
        }
        if (!exchange.read() || response.status() < 200 || response.status() >= 300) {
            return NO_STORE;
        }
        if (response.caching() == ApiResponse.Caching.IMMUTABLE) {
            return IMMUTABLE;
        }
        if (response.caching() == ApiResponse.Caching.OWN && exchange.anonymous()
                && response.header("Cache-Control") != null) {
            return response.header("Cache-Control");
        }
        return exchange.anonymous() ? "public, max-age=" + exchange.anonymousMaxAgeSeconds() : PRIVATE;
    }
}
