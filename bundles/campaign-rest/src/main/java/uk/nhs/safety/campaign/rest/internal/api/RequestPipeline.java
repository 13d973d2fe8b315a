package uk.nhs.safety.campaign.rest.internal.api;

import java.util.function.Supplier;

import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.ProblemMapper;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * The steps every request goes through, whatever it asks for: authenticate (wrong credentials → 401, too many
 * failures → 429), dispatch (route, authorise, read the body, call the services), map any failure to a problem, and
 * render with the security, caching and compression headers. Thread-safe.
 */
public final class RequestPipeline {

    private final Authenticator authenticator;
    private final Renderer renderer;

    public RequestPipeline(Authenticator authenticator, Json json) {
        this.authenticator = authenticator;
        this.renderer = new Renderer(json);
    }

    public Renderer.Rendered process(ApiRequest request, Dispatcher dispatcher, Supplier<RestSettings> settings) {
        RestSettings current = settings.get();
        Caller caller = Caller.ANONYMOUS;
        ApiResponse response;
        try {
            caller = authenticate(request);
            response = dispatcher.dispatch(request, caller, current);
        } catch (Exception e) {
            response = ProblemMapper.toResponse(e, request.method(), request.fullPath());
        }
        return renderer.render(response, new Renderer.Exchange(request.method(), caller.anonymous(),
                request.header("If-None-Match"), request.header("Accept-Encoding"),
                current.anonymousMaxAgeSeconds()));
    }

    private Caller authenticate(ApiRequest request) {
        try {
            return authenticator.authenticate(request.header("Authorization"), request.remoteAddress());
        } catch (AuthenticationException e) {
            if (e.reason() == AuthenticationException.Reason.RATE_LIMITED) {
                throw new ProblemException(Problem.Kind.TOO_MANY_REQUESTS, e.getMessage())
                        .withHeader("Retry-After", Long.toString(Math.max(1, e.retryAfterSeconds())));
            }
            ProblemException refused = new ProblemException(Problem.Kind.UNAUTHORIZED, e.getMessage());
            for (var h : ProblemMapper.challenges().entrySet()) {
                refused = refused.withHeader(h.getKey(), h.getValue());
            }
            throw refused;
        }
    }
}
