package uk.nhs.safety.campaign.rest.internal.servlet;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import uk.nhs.safety.campaign.rest.internal.http.SecurityHeaders;

/**
 * Puts the security headers on every response under {@code /api/}, including those the API servlets never see
 * (the container's own 404 for {@code /api/other}, or {@code /api/v1} while core is still starting).
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/api/*")
@HttpWhiteboardFilterName("safety-api-security-headers")
public class SecurityHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            SecurityHeaders.ALL.forEach(http::setHeader);
        }
        chain.doFilter(request, response);
    }
}
