package uk.nhs.safety.campaign.rest.internal.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.AuditService;
import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.rest.internal.api.CampaignApi;
import uk.nhs.safety.campaign.rest.internal.api.CampaignServices;
import uk.nhs.safety.campaign.rest.internal.api.PartnerDirectory;
import uk.nhs.safety.campaign.rest.internal.api.PublishedCache;
import uk.nhs.safety.campaign.rest.internal.api.RequestPipeline;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.metrics.PrometheusMetrics;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore;

/**
 * The campaign's JSON API at {@code /api/v1/*} on the HTTP Whiteboard: every route of {@link CampaignApi}, and the
 * partners' own routes under {@code /api/v1/partners/{id}/}, tracked as partner bundles come and go. It has no
 * configuration of its own (see {@link RestSettingsSource}), so its service properties never change.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/*")
@HttpWhiteboardServletName("safety-api-v1")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient PartnerDirectory partnerRoutes;
    private final transient RequestPipeline pipeline;
    private final transient CampaignApi api;
    private final transient RestSettingsSource settings;
    private final transient PrometheusMetrics metrics;

    @Activate
    public ApiServlet(@Reference Authenticator authenticator, @Reference MemberService members,
                      @Reference PledgeService pledges, @Reference PlanService plans,
                      @Reference MeasureService measures, @Reference AuditService audit,
                      @Reference PartnerRegistry partners,
                      @Reference SessionStore sessions, @Reference RestSettingsSource settings,
                      @Reference PrometheusMetrics metrics, @Reference PublishedCache cache,
                      @Reference PdsaService pdsa,
                      @Reference PartnerInstaller installer) {
        this.metrics = metrics;
        // A partner core lists (running or not) is installed: its missing routes answer 503, not 404.
        this.partnerRoutes = new PartnerDirectory(id -> partners.partner(id).isPresent());
        Json json = new Json();
        this.settings = settings;
        this.pipeline = new RequestPipeline(authenticator, json, sessions);
        this.api = new CampaignApi(new CampaignServices(members, pledges, plans, measures, audit, partners,
                pdsa, installer),
                partnerRoutes, json, ApiServlet::openApiDocument, cache);
        LOG.info("HTTP API serving {} routes under /api/v1 ({})", api.describe().size(), settings.get());
    }

    @Reference(service = PartnerRoutes.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addPartnerRoutes(PartnerRoutes routes) {
        partnerRoutes.add(routes);
    }

    void removePartnerRoutes(PartnerRoutes routes) {
        partnerRoutes.remove(routes);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        ApiRequest in = ServletExchange.request(request);
        // The route's template, for the metrics (bounded, unlike raw paths); null when no route matched.
        String[] route = new String[1];
        Renderer.Rendered out = pipeline.process(in, (req, caller, current) -> api.dispatch(req, caller, current,
                template -> route[0] = "/api/v1" + template), settings);
        ServletExchange.write(out, response);
        metrics.requestServed(route[0], in.method(), out.status(), System.nanoTime() - start);
    }

    /** The bundle's {@code openapi.json}, read on each request (it is small and rarely asked for), or null. */
    private static byte[] openApiDocument() {
        Bundle bundle = FrameworkUtil.getBundle(ApiServlet.class);
        URL url = bundle == null ? ApiServlet.class.getResource("/openapi.json") : bundle.getEntry("openapi.json");
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled openapi.json", e);
        }
    }
}
