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
import uk.nhs.safety.campaign.api.web.PartnerPage;

/**
 * The campaign's web pages on the HTTP Whiteboard, as the default servlet ({@code /}): every path that no other
 * servlet claims, so the API's {@code /api/v1/*} and {@code /api/health} keep their own servlets. Partner pages are
 * tracked as partner bundles come and go.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("safety-web")
public class WebServlet extends HttpServlet {

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

    @Reference(service = PartnerPage.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addPartnerPage(PartnerPage page) {
        partnerPages.add(page);
    }

    void removePartnerPage(PartnerPage page) {
        partnerPages.remove(page);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        WebResponse answer = site.handle(request.getMethod(), path);
        response.setStatus(answer.status());
        WebSite.SECURITY_HEADERS.forEach(response::setHeader);
        answer.headers().forEach(response::setHeader);
        String etag = answer.headers().get("ETag");
        if (etag != null && etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(answer.body());
        }
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
