package uk.nhs.safety.campaign.rest.internal.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, as sent with {@code application/problem+json}.
 *
 * @param type     {@code https://signuptosafety.nhs.uk/problems/<kind>}
 * @param title    the kind in words
 * @param status   the HTTP status
 * @param detail   what went wrong with this request
 * @param instance the request path
 * @param errors   the failing fields (only for {@code validation} and {@code malformed-json}), else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    /** Base URI of every problem type. */
    public static final String TYPE_BASE = "https://signuptosafety.nhs.uk/problems/";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** One failing field, line or value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String value, String message, Integer line) {
    }

    /** The problem kinds of the API with their status and title. */
    public enum Kind {
        VALIDATION("validation", 400, "The request is not valid"),
        MALFORMED_JSON("malformed-json", 400, "The body is not well-formed JSON"),
        UNAUTHORIZED("unauthorized", 401, "Authentication required"),
        FORBIDDEN("forbidden", 403, "Not allowed"),
        NOT_FOUND("not-found", 404, "Not found"),
        METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
        CONFLICT("conflict", 409, "The same work is running already"),
        PRECONDITION_FAILED("precondition-failed", 412, "The resource was changed by someone else"),
        PAYLOAD_TOO_LARGE("payload-too-large", 413, "The body is too large"),
        UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
        PRECONDITION_REQUIRED("precondition-required", 428, "A version (If-Match) is required"),
        TOO_MANY_REQUESTS("too-many-requests", 429, "Too many failed attempts"),
        INTERNAL("internal", 500, "Internal error"),
        UNAVAILABLE("unavailable", 503, "Service unavailable");

        private final String slug;
        private final int status;
        private final String title;

        Kind(String slug, int status, String title) {
            this.slug = slug;
            this.status = status;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        public String type() {
            return TYPE_BASE + slug;
        }
    }

    /** A problem of this kind without field errors. */
    public static Problem of(Kind kind, String detail, String instance) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, null);
    }

    /** A problem of this kind listing the failing fields. */
    public static Problem withErrors(Kind kind, String detail, String instance, List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, errors);
    }
}
