package uk.nhs.safety.campaign.api.partner;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a partner route answers. Core adds the security and caching headers and compresses large bodies.
 *
 * @param status      HTTP status
 * @param contentType media type of the body
 * @param body        the body bytes
 * @param headers     extra headers (e.g. {@code Content-Disposition}); core's own headers win on conflict
 */
public record PartnerResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public PartnerResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A JSON response from already-serialised JSON text. */
    public static PartnerResponse json(int status, String json) {
        return new PartnerResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
