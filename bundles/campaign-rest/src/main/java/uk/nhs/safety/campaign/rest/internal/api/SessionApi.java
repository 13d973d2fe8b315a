package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Bodies;
import uk.nhs.safety.campaign.rest.internal.http.Cookies;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.MediaTypes;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.Caller;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore;

/**
 * {@code /api/v1/session}: the web pages' login form. {@code POST} checks a user name and password against the realm
 * (as Basic credentials are checked, throttling included) and starts a session, set as an {@code HttpOnly},
 * {@code SameSite=Strict} cookie; {@code GET} says who the session (or other credentials) belongs to; {@code DELETE}
 * logs out. Login must carry {@value RequestPipeline#CSRF_HEADER} too, so another site cannot log a browser in.
 * Thread-safe.
 */
public final class SessionApi implements Dispatcher {

    /** The login form's fields. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    /** Who is logged in; {@code members} are the ODS codes a member editor may edit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(boolean authenticated, String user, Set<String> roles, Set<String> members,
                              Boolean admin, Instant expiresAt) {
        static SessionView of(Caller caller, Instant expiresAt) {
            if (caller.anonymous()) {
                return new SessionView(false, null, null, null, null, null);
            }
            return new SessionView(true, caller.name(), caller.roles(), caller.memberCodes(), caller.admin(),
                    expiresAt);
        }
    }

    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final Json json;

    public SessionApi(Authenticator authenticator, SessionStore sessions, Json json) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request, Caller caller, RestSettings settings) throws IOException {
        String path = request.path();
        if (!"/".equals(path) && !path.isEmpty()) {
            throw new ProblemException(Problem.Kind.NOT_FOUND, "no resource at this path");
        }
        return switch (request.method()) {
            case "GET", "HEAD" -> current(request, caller);
            case "POST" -> login(request, settings);
            case "DELETE" -> logout(request);
            default -> throw new ProblemException(Problem.Kind.METHOD_NOT_ALLOWED, request.method()
                    + " is not allowed here; allowed: DELETE, GET, HEAD, POST").withHeader("Allow",
                    "DELETE, GET, HEAD, POST");
        };
    }

    private ApiResponse current(ApiRequest request, Caller caller) {
        String id = Cookies.value(request.header("Cookie"), SessionStore.COOKIE);
        Instant expires = request.header("Authorization") == null ? sessions.expiresAt(id).orElse(null) : null;
        return ApiResponse.ok(SessionView.of(caller, expires)).caching(ApiResponse.Caching.NO_STORE);
    }

    private ApiResponse login(ApiRequest request, RestSettings settings) throws IOException {
        if (request.header(RequestPipeline.CSRF_HEADER) == null) {
            throw new ProblemException(Problem.Kind.FORBIDDEN, "login must carry the header "
                    + RequestPipeline.CSRF_HEADER + " (sent by the web pages' login form)");
        }
        Login login = json.read(Bodies.read(request, MediaTypes.JSON, settings.maxJsonBytes()), Login.class);
        List<Violation> problems = new ArrayList<>();
        if (login.user() == null || login.user().isBlank()) {
            problems.add(Violation.of("user", login.user(), "is required"));
        }
        if (login.password() == null || login.password().isEmpty()) {
            problems.add(Violation.of("password", null, "is required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Caller caller;
        try {
            caller = authenticator.login(login.user().strip(), login.password(), request.remoteAddress());
        } catch (AuthenticationException e) {
            if (e.reason() == AuthenticationException.Reason.RATE_LIMITED) {
                throw new ProblemException(Problem.Kind.TOO_MANY_REQUESTS, e.getMessage())
                        .withHeader("Retry-After", Long.toString(Math.max(1, e.retryAfterSeconds())));
            }
            throw new ProblemException(Problem.Kind.UNAUTHORIZED, "wrong user name or password")
                    .withHeader("WWW-Authenticate", RequestPipeline.SESSION_CHALLENGE);
        }
        SessionStore.Created session = sessions.create(caller, request.remoteAddress());
        return ApiResponse.created(SessionView.of(caller, session.expiresAt()), null)
                .header("Set-Cookie", cookie(request, session.id(), -1))
                .caching(ApiResponse.Caching.NO_STORE);
    }

    private ApiResponse logout(ApiRequest request) {
        sessions.end(Cookies.value(request.header("Cookie"), SessionStore.COOKIE));
        return ApiResponse.json(204, null).header("Set-Cookie", cookie(request, "", 0))
                .caching(ApiResponse.Caching.NO_STORE);
    }

    /** The session cookie: for the whole site, never readable by scripts, never sent by other sites' requests. */
    static String cookie(ApiRequest request, String value, int maxAge) {
        StringBuilder c = new StringBuilder(SessionStore.COOKIE).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            c.append("; Max-Age=").append(maxAge);
        }
        if ("https".equalsIgnoreCase(request.header("X-Forwarded-Proto"))) {
            c.append("; Secure");
        }
        return c.toString();
    }
}
