package uk.nhs.safety.campaign.rest.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** What the request pipeline needs of an HTTP request; adapted from the servlet request, faked in tests. */
public interface ApiRequest {

    /** The method, upper case. */
    String method();

    /** The path below the servlet's base (e.g. {@code /members/RGT} below {@code /api/v1}); {@code /} at the base. */
    String path();

    /** The base the path is below, as the client sees it (context path + servlet path, e.g. {@code /api/v1}). */
    String basePath();

    /** Query parameters, each with its values in order. */
    Map<String, List<String>> query();

    /** A request header, or {@code null}. */
    String header(String name);

    /** The client's address. */
    String remoteAddress();

    /** The declared body length, or -1 when not declared (chunked). */
    long contentLength();

    /** The body, read at most once. */
    InputStream body() throws IOException;

    /** The full path as the client sent it (for the problem {@code instance}). */
    default String fullPath() {
        return "/".equals(path()) ? basePath() : basePath() + path();
    }

    /** The first value of a query parameter, or {@code null}. */
    default String param(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
