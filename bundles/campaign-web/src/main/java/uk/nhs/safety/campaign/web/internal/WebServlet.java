package uk.nhs.safety.campaign.web.internal;

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

import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.web.PartnerPage;

/**
 * The campaign's web pages on the HTTP Whiteboard, as the default servlet ({@code /}): every path that no other
 * servlet claims, so the API's {@code /api/v1/*} and {@code /api/health} keep their own servlets. Partner pages are
 * tracked as partner bundles come and go. Also an {@code EVERY_NODE} subscriber of the campaign event log, which drops
 * the site's kept pages of a member when it changes on any node.
 */
@Component(service = {Servlet.class, CampaignEventSubscriber.class})
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("safety-web")
public class WebServlet extends HttpServlet implements CampaignEventSubscriber {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebServlet.class);

    private final transient PartnerPages partnerPages = new PartnerPages();
    private final transient WebSite site;

    @Activate
    public WebServlet(@Reference MemberService members, @Reference PledgeService pledges) {
        Bundle bundle = FrameworkUtil.getBundle(WebServlet.class);
        this.site = new WebSite(name -> read(bundle, name), members, pledges, partnerPages);
        LOG.info("Web pages serving at / (national dashboard, /members, /workspace)");
    }

    /** Over a given site (tests). */
    WebServlet(WebSite site) {
        this.site = site;
    }

    @Reference(service = PartnerPage.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addPartnerPage(PartnerPage page) {
        partnerPages.add(page);
    }

    void removePartnerPage(PartnerPage page) {
        partnerPages.remove(page);
    }

    @Override
    public String subscriberId() {
        return "core-web-pages";
    }

    /** Every node's changes reach this node's kept pages. */
    @Override
    public Delivery delivery() {
        return Delivery.EVERY_NODE;
    }

    /** A campaign event: the member's pages (and the campaign-wide ones) are rendered again on their next read. */
    @Override
    public void onEvent(CampaignEvent event) {
        Object code = event.properties().get(CampaignTopics.ODS_CODE);
        site.changed(code == null ? null : code.toString());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        WebResponse answer = site.handle(request.getMethod(), path);
        response.setStatus(answer.status());
        WebSite.SECURITY_HEADERS.forEach(response::setHeader);
        answer.headers().forEach(response::setHeader);
        if (noneMatchHits(request.getHeader("If-None-Match"), answer.headers().get("ETag"))) {
            response.setStatus(304);
            return;
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(answer.body());
        }
    }

    /** Whether {@code If-None-Match} names this tag (a list, {@code *}, or weak tags: weak comparison, RFC 9110). */
    static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if ("*".equals(c) || (c.startsWith("W/") ? c.substring(2) : c).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(Bundle bundle, String name) {
        URL url = bundle == null ? WebServlet.class.getResource("/web/" + name) : bundle.getEntry("web/" + name);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web/" + name + " from the bundle", e);
        }
    }
}
