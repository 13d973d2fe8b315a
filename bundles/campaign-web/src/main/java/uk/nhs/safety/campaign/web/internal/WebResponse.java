package uk.nhs.safety.campaign.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the site answers to one request, before it is written to the servlet response.
 *
 * @param status      HTTP status
 * @param contentType the body's media type
 * @param headers     further headers (caching, ETag)
 * @param body        the body
 */
record WebResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    static final String HTML = "text/html; charset=UTF-8";

    WebResponse {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    static WebResponse html(int status, String page) {
        return new WebResponse(status, HTML, Map.of("Cache-Control", "no-cache"),
                page.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
