package uk.nhs.safety.campaign.rest.internal.metrics;

import uk.nhs.safety.campaign.rest.internal.api.Dispatcher;
import uk.nhs.safety.campaign.rest.internal.api.RestSettings;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.ProblemMapper;
import uk.nhs.safety.campaign.rest.internal.http.Router;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * This node's metrics at {@code /api/metrics}, in the Prometheus text format, for admins and for users with the role
 * {@value #ROLE} (give the scraper a user of its own with only that role, so that Prometheus's configuration never
 * holds an admin's password). Anonymous callers are asked to authenticate (401), others refused (403). Never cached.
 */
public final class MetricsEndpoint implements Dispatcher {

    /** The role that may read the metrics and nothing else. */
    public static final String ROLE = "metrics";

    private final PrometheusMetrics metrics;
    private final Router<Boolean> router = Router.<Boolean>builder().add("GET", "/", Boolean.TRUE).build();

    public MetricsEndpoint(PrometheusMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request, Caller caller, RestSettings settings) {
        router.match(request.method(), request.path());
        if (caller.anonymous()) {
            ProblemException e = new ProblemException(Problem.Kind.UNAUTHORIZED,
                    "the metrics need a user with the role admin or " + ROLE + " (HTTP Basic)");
            for (var h : ProblemMapper.challenges().entrySet()) {
                e = e.withHeader(h.getKey(), h.getValue());
            }
            throw e;
        }
        if (!caller.admin() && !caller.has(ROLE)) {
            throw new ProblemException(Problem.Kind.FORBIDDEN, caller.name() + " may not read the metrics: they need"
                    + " the role admin or " + ROLE);
        }
        return ApiResponse.bytes(200, PrometheusMetrics.CONTENT_TYPE, metrics.scrape())
                .caching(ApiResponse.Caching.NO_STORE);
    }
}
