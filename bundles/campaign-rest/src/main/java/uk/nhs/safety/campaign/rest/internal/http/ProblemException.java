package uk.nhs.safety.campaign.rest.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ends a request with a problem response of a given kind (401, 403, 404, 405, 413, 415, 428, 429, or a 400 the HTTP
 * layer itself finds). Extra headers (Allow, Retry-After, WWW-Authenticate) travel with it.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Problem.Kind kind;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, String> headers;

    public ProblemException(Problem.Kind kind, String detail) {
        this(kind, detail, null, Map.of());
    }

    public ProblemException(Problem.Kind kind, String detail, List<Problem.FieldError> errors,
                            Map<String, String> headers) {
        super(detail);
        this.kind = kind;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException field(Problem.Kind kind, String field, Object value, String message) {
        return new ProblemException(kind, field + ": " + message,
                List.of(new Problem.FieldError(field, value == null ? null : String.valueOf(value), message, null)),
                Map.of());
    }

    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(kind, getMessage(), errors, more);
    }

    public Problem.Kind kind() {
        return kind;
    }

    /** The failing fields, or {@code null}. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
