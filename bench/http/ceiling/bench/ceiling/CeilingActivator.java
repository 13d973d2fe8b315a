package bench.ceiling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The HTTP benchmark's ceiling: a whiteboard servlet at {@code /bench/ceiling} that answers a fixed 13-byte body, in
 * the same container as the platform, so that every route's rate is read as a share of what this Jetty can serve at
 * all. Built and dropped into {@code deploy/} by {@code bench/run-http.sh}; never part of the distribution.
 */
public final class CeilingActivator implements BundleActivator {

    private static final byte[] BODY = "hello, world\n".getBytes(StandardCharsets.US_ASCII);

    private ServiceRegistration<Servlet> registration;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/bench/ceiling");
        props.put("osgi.http.whiteboard.servlet.name", "bench-ceiling");
        registration = context.registerService(Servlet.class, new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain; charset=UTF-8");
                response.setContentLength(BODY.length);
                response.getOutputStream().write(BODY);
            }
        }, props);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
