package uk.nhs.safety.campaign.rest.internal.http;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.cluster.JobRunningException;
import uk.nhs.safety.campaign.api.deploy.InstallRefusedException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * Maps what a request ended with to its problem response: {@link ValidationException} → 400 with every violation,
 * {@link NotFoundException} → 404, {@link JobRunningException} → 409, {@link StaleVersionException} → 412 with the current ETag, {@link ProblemException}
 * → its own kind, {@link StoreUnavailableException} → 503 with {@code Retry-After} (the database is down or not yet
 * migrated: the client should try again, nothing was changed), anything else → 500 whose detail quotes an incident id that is logged with the stack trace (the
 * trace and the exception's message are never sent).
 */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    public static ApiResponse toResponse(Throwable failure, String method, String instance) {
        if (failure instanceof ProblemException p) {
            ApiResponse response = ApiResponse.problem(new Problem(p.kind().type(), p.kind().title(),
                    p.kind().status(), p.getMessage(), instance, p.errors()));
            p.headers().forEach(response::header);
            return response;
        }
        if (failure instanceof StoreUnavailableException u) {
            // The reason (driver messages, file names) is for the log and /api/health, not for every caller.
            LOG.debug("{} {}: store unavailable: {}", method, instance, u.getMessage());
            return ApiResponse.problem(Problem.of(Problem.Kind.UNAVAILABLE, "the campaign database is unavailable"
                            + " just now; nothing was changed. Try again in " + u.retryAfterSeconds() + " s.", instance))
                    .header("Retry-After", Long.toString(u.retryAfterSeconds()));
        }
        if (failure instanceof ValidationException v) {
            return ApiResponse.problem(Problem.withErrors(Problem.Kind.VALIDATION, v.getMessage(), instance,
                    errors(v.violations())));
        }
        if (failure instanceof InstallRefusedException r) {
            // A partner install refused by its checks: the message names the check and the bundles; nothing changed.
            return ApiResponse.problem(Problem.of(Problem.Kind.CONFLICT, r.getMessage(), instance));
        }
        if (failure instanceof JobRunningException j) {
            // A long job (an import) runs already on some node: the message names the node and since when.
            return ApiResponse.problem(Problem.of(Problem.Kind.CONFLICT, j.getMessage(), instance));
        }
        if (failure instanceof NotFoundException n) {
            return ApiResponse.problem(Problem.of(Problem.Kind.NOT_FOUND, n.getMessage(), instance));
        }
        if (failure instanceof StaleVersionException s) {
            return ApiResponse.problem(Problem.of(Problem.Kind.PRECONDITION_FAILED, s.getMessage(), instance))
                    .header("ETag", ETags.ofVersion(s.current()));
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {}: {} {} failed", incident, method, instance, failure);
        return ApiResponse.problem(Problem.of(Problem.Kind.INTERNAL,
                "the request could not be completed; quote incident " + incident + " when reporting it", instance));
    }

    static List<Problem.FieldError> errors(List<Violation> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.value(), v.message(), v.line()))
                .toList();
    }

    /** The headers a 401 carries: both challenges the API accepts. */
    public static Map<String, String> challenges() {
        return Map.of("WWW-Authenticate", "Basic realm=\"Sign up to Safety\", charset=\"UTF-8\", Bearer realm=\"Sign up to Safety\"");
    }
}
