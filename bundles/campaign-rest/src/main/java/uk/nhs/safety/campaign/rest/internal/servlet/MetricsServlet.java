package uk.nhs.safety.campaign.rest.internal.servlet;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import uk.nhs.safety.campaign.rest.internal.api.RequestPipeline;
import uk.nhs.safety.campaign.rest.internal.api.RestSettings;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.metrics.MetricsEndpoint;
import uk.nhs.safety.campaign.rest.internal.metrics.PrometheusMetrics;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;

/** This node's metrics at {@code /api/metrics} (Prometheus text format, admins and the role {@code metrics}). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/metrics")
@HttpWhiteboardServletName("safety-api-metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RequestPipeline pipeline;
    private final transient MetricsEndpoint endpoint;

    @Activate
    public MetricsServlet(@Reference Authenticator authenticator, @Reference PrometheusMetrics metrics) {
        this.pipeline = new RequestPipeline(authenticator, new Json());
        this.endpoint = new MetricsEndpoint(metrics);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletExchange.write(pipeline.process(ServletExchange.request(request), endpoint,
                () -> RestSettings.DEFAULTS), response);
    }
}
