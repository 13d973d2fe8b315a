package uk.nhs.safety.campaign.rest.internal.api;

import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ClientAddress;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Cookies;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.ProblemMapper;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.Caller;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore;

/**
 * The steps every request goes through, whatever it asks for: authenticate (wrong credentials → 401, too many
 * failures → 429), dispatch (route, authorise, read the body, call the services), map any failure to a problem, and
 * render with the security, caching and compression headers. Thread-safe.
 *
 * <p>Callers are found from the {@code Authorization} header (Basic, Bearer) or, without one, from the web pages'
 * session cookie ({@link SessionStore}). A cookie is sent by the browser whatever page made the request, so a
 * cookie-authenticated write must also carry the header {@value #CSRF_HEADER}, which a page of another site cannot
 * add without a CORS preflight that this API never grants: without it the write is refused (403) and nothing changes.
 * A request carrying {@value #CSRF_HEADER} comes from the web pages' scripts: its 401s challenge with
 * {@code Session} rather than {@code Basic}, so that the browser shows the page's own login form, never its Basic
 * login popup.
 */
public final class RequestPipeline {

    /** The header the web pages send with every request; required with the session cookie for writes. */
    public static final String CSRF_HEADER = "X-Requested-With";
    /** The challenge of a 401 answered to the web pages' scripts. */
    public static final String SESSION_CHALLENGE = "Session realm=\"Sign up to Safety\"";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final Renderer renderer;

    public RequestPipeline(Authenticator authenticator, Json json) {
        this(authenticator, json, null);
    }

    /**
     * @param sessions the web login sessions, or {@code null} where cookies are not accepted
     */
    public RequestPipeline(Authenticator authenticator, Json json, SessionStore sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.renderer = new Renderer(json);
    }

    public Renderer.Rendered process(ApiRequest received, Dispatcher dispatcher, Supplier<RestSettings> settings) {
        RestSettings current = settings.get();
        ApiRequest request = ClientAddress.resolve(received, current.trustedProxies());
        Caller caller = Caller.ANONYMOUS;
        ApiResponse response;
        try {
            caller = authenticate(request);
            response = dispatcher.dispatch(request, caller, current);
        } catch (Exception e) {
            response = ProblemMapper.toResponse(e, request.method(), request.fullPath());
        }
        Renderer.Rendered rendered = renderer.render(response, new Renderer.Exchange(request.method(),
                caller.anonymous(), request.header("If-None-Match"), request.header("Accept-Encoding"),
                current.anonymousMaxAgeSeconds()));
        if (rendered.status() == 401 && request.header(CSRF_HEADER) != null) {
            rendered.headers().put("WWW-Authenticate", SESSION_CHALLENGE);
        }
        // Checked after authentication, which ends a session whose user was deleted or disabled.
        if (!rendered.headers().containsKey("Set-Cookie") && staleCookie(request)) {
            // The session ended (logout elsewhere, expiry, user deleted or disabled, ended by an administrator):
            // tell the browser to drop the cookie, so the pages show the visitor as logged out.
            rendered.headers().put("Set-Cookie", SessionApi.cookie(request, "", 0));
        }
        return rendered;
    }

    /** Whether the request carries a session cookie (and no Authorization) that names no live session. */
    private boolean staleCookie(ApiRequest request) {
        if (sessions == null || request.header("Authorization") != null) {
            return false;
        }
        String id = Cookies.value(request.header("Cookie"), SessionStore.COOKIE);
        if (id == null || id.isEmpty()) {
            return false;
        }
        try {
            return sessions.expiresAt(id).isEmpty();
        } catch (StoreUnavailableException e) {
            // The session cannot be read now: keep the cookie (the request itself has answered 503 already, as the
            // session was looked up first); it is judged again on the next request.
            LOG.debug("Session cookie kept: the session store is unavailable ({})", e.getMessage());
            return false;
        }
    }

    private Caller authenticate(ApiRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null && sessions != null) {
            Caller caller = sessions.caller(Cookies.value(request.header("Cookie"), SessionStore.COOKIE))
                    .orElse(Caller.ANONYMOUS);
            if (!caller.anonymous() && !SAFE_METHODS.contains(request.method())
                    && request.header(CSRF_HEADER) == null) {
                throw new ProblemException(Problem.Kind.FORBIDDEN, "a change made with the login cookie must carry"
                        + " the header " + CSRF_HEADER + " (sent by the web pages); refused as a possible cross-site"
                        + " request");
            }
            return caller;
        }
        try {
            return authenticator.authenticate(authorization, request.remoteAddress());
        } catch (AuthenticationException e) {
            if (e.reason() == AuthenticationException.Reason.RATE_LIMITED) {
                throw new ProblemException(Problem.Kind.TOO_MANY_REQUESTS, e.getMessage())
                        .withHeader("Retry-After", Long.toString(Math.max(1, e.retryAfterSeconds())));
            }
            if (e.reason() == AuthenticationException.Reason.DEFAULT_PASSWORD) {
                throw new ProblemException(Problem.Kind.FORBIDDEN, e.getMessage());
            }
            ProblemException refused = new ProblemException(Problem.Kind.UNAUTHORIZED, e.getMessage());
            for (var h : ProblemMapper.challenges().entrySet()) {
                refused = refused.withHeader(h.getKey(), h.getValue());
            }
            throw refused;
        }
    }
}
