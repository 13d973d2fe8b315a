package uk.nhs.safety.campaign.api.partner;

import java.util.Map;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * Thrown by a {@link PartnerRoutes} handler to refuse a request with a given HTTP status: core answers it as an
 * RFC 9457 problem ({@code application/problem+json}) like its own errors, with the message as the detail and the
 * headers added (e.g. {@code Allow} on a 405, {@code Retry-After} on a 503). For bad input throw
 * {@link uk.nhs.safety.campaign.api.ValidationException} instead (400 naming every field at fault).
 */
public final class PartnerProblem extends CampaignException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    /**
     * @param status  an HTTP error status, 400 to 599
     * @param detail  what went wrong with this request, fit to show the caller
     * @param headers extra response headers
     */
    public PartnerProblem(int status, String detail, Map<String, String> headers) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status is 400 to 599, not " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** 403: the caller is known but may not do this. */
    public static PartnerProblem forbidden(String detail) {
        return new PartnerProblem(403, detail, Map.of());
    }

    /** 405 with the {@code Allow} header. */
    public static PartnerProblem methodNotAllowed(String method, String path, String allowed) {
        return new PartnerProblem(405, method + " is not allowed on " + path + "; use " + allowed,
                Map.of("Allow", allowed));
    }

    /** 503: the partner is up but cannot answer now (e.g. misconfigured). */
    public static PartnerProblem unavailable(String detail) {
        return new PartnerProblem(503, detail, Map.of());
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }
}
