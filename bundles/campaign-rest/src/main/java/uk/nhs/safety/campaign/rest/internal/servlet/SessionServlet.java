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
import uk.nhs.safety.campaign.rest.internal.api.SessionApi;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore;

/**
 * The web pages' login and logout at {@code /api/v1/session} (an exact pattern, so it takes precedence over the API
 * servlet's {@code /api/v1/*}). See {@link SessionApi}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/session")
@HttpWhiteboardServletName("safety-api-session")
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RequestPipeline pipeline;
    private final transient SessionApi api;
    private final transient RestSettingsSource settings;

    @Activate
    public SessionServlet(@Reference Authenticator authenticator, @Reference SessionStore sessions,
                          @Reference RestSettingsSource settings) {
        this.settings = settings;
        Json json = new Json();
        this.pipeline = new RequestPipeline(authenticator, json, sessions);
        this.api = new SessionApi(authenticator, sessions, json);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletExchange.write(pipeline.process(ServletExchange.request(request), api, settings),
                response);
    }
}
