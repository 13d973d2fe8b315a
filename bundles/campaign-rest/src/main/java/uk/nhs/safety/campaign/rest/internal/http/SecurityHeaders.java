package uk.nhs.safety.campaign.rest.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every API response carries, errors and partner routes included. */
public final class SecurityHeaders {

    /** Name → value, in a stable order. */
    public static final Map<String, String> ALL;

    static {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        // The API serves data only; pages get their own policy from the web bundle.
        h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        ALL = java.util.Collections.unmodifiableMap(h);
    }

    private SecurityHeaders() {
    }
}
