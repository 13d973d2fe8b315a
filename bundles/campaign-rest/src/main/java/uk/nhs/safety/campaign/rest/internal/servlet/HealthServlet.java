package uk.nhs.safety.campaign.rest.internal.servlet;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.cluster.Cluster;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.rest.internal.api.HealthCheck;
import uk.nhs.safety.campaign.rest.internal.api.RequestPipeline;
import uk.nhs.safety.campaign.rest.internal.api.RestSettings;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.metrics.PrometheusMetrics;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;

/**
 * Readiness at {@code /api/health}. Registered whether or not core is up (its references to core are optional and
 * dynamic), so that a load balancer sees 503 rather than 404 while the store is down.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/health")
@HttpWhiteboardServletName("safety-api-health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RequestPipeline pipeline;
    private final transient HealthCheck health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MemberService members;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerRegistry partners;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LocalNode node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Cluster cluster;

    private final transient PrometheusMetrics metrics;

    @Activate
    public HealthServlet(@Reference Authenticator authenticator, @Reference PrometheusMetrics metrics) {
        this.pipeline = new RequestPipeline(authenticator, new Json());
        this.health = new HealthCheck(() -> members, () -> partners, () -> node, () -> cluster);
        this.metrics = metrics;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        Renderer.Rendered out = pipeline.process(ServletExchange.request(request), health,
                () -> RestSettings.DEFAULTS);
        ServletExchange.write(out, response);
        metrics.requestServed("/api/health", request.getMethod(), out.status(), System.nanoTime() - start);
    }
}
