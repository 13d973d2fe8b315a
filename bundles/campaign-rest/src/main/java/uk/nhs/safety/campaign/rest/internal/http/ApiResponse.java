package uk.nhs.safety.campaign.rest.internal.http;

import java.util.Map;
import java.util.TreeMap;

/**
 * A handler's answer before rendering: status, headers, and either an entity to write as JSON or raw bytes.
 * Mutable while the pipeline decorates it, then rendered once.
 */
public final class ApiResponse {

    /**
     * How a response may be cached; {@link #DEFAULT} lets the pipeline decide from the method and caller;
     * {@link #OWN} keeps the response's own {@code Cache-Control} for anonymous reads (a partner's public route) and
     * is {@link #DEFAULT} otherwise.
     */
    public enum Caching { DEFAULT, IMMUTABLE, NO_STORE, OWN }

    private final int status;
    private final Object entity;
    private final byte[] raw;
    private final String contentType;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private Caching caching = Caching.DEFAULT;
    private boolean contentTagged;

    private ApiResponse(int status, Object entity, byte[] raw, String contentType) {
        this.status = status;
        this.entity = entity;
        this.raw = raw;
        this.contentType = contentType;
    }

    /** A JSON response with this entity (may be {@code null} for no body). */
    public static ApiResponse json(int status, Object entity) {
        return new ApiResponse(status, entity, null, entity == null ? null : MediaTypes.JSON_UTF8);
    }

    public static ApiResponse ok(Object entity) {
        return json(200, entity);
    }

    public static ApiResponse created(Object entity, String location) {
        ApiResponse response = json(201, entity);
        if (location != null) {
            response.header("Location", location);
        }
        return response;
    }

    /** An RFC 9457 problem response; never stored by caches. */
    public static ApiResponse problem(Problem problem) {
        ApiResponse response = new ApiResponse(problem.status(), problem, null, MediaTypes.PROBLEM_JSON);
        response.caching = Caching.NO_STORE;
        return response;
    }

    /** Whether this is a problem response. */
    public boolean isProblem() {
        return entity instanceof Problem;
    }

    /** A response whose body is already bytes (partner routes, the OpenAPI document). */
    public static ApiResponse bytes(int status, String contentType, byte[] body) {
        return new ApiResponse(status, null, body, contentType);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sets the entity tag, quoting it. */
    public ApiResponse etag(String tag) {
        return header("ETag", ETags.quote(tag));
    }

    /**
     * Sets an ETag already computed from this response's body ({@link ETags#strongOf}), e.g. one stored with it, so
     * that it is not computed again and gets the gzip suffix when the body is sent compressed.
     */
    public ApiResponse contentTag(String quotedTag) {
        contentTagged = true;
        return header("ETag", quotedTag);
    }

    /** Whether the ETag was computed from the body ({@link #contentTag}). */
    public boolean contentTagged() {
        return contentTagged;
    }

    public ApiResponse caching(Caching value) {
        this.caching = value;
        return this;
    }

    public int status() {
        return status;
    }

    public Object entity() {
        return entity;
    }

    public byte[] raw() {
        return raw;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Caching caching() {
        return caching;
    }
}
