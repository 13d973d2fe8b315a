package uk.nhs.safety.campaign.rest.internal.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** Adapts servlet requests to the pipeline and writes its rendered responses. */
final class ServletExchange {

    private ServletExchange() {
    }

    static ApiRequest request(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null || pathInfo.isEmpty() ? "/" : pathInfo;
        String base = request.getContextPath() + request.getServletPath();
        // Parsed here rather than with getParameterMap(), which would consume a form-encoded body.
        Map<String, List<String>> query = parseQuery(request.getQueryString());
        return new ApiRequest() {
            @Override
            public String method() {
                return request.getMethod().toUpperCase(Locale.ROOT);
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String basePath() {
                return base;
            }

            @Override
            public Map<String, List<String>> query() {
                return query;
            }

            @Override
            public String header(String name) {
                return request.getHeader(name);
            }

            @Override
            public String remoteAddress() {
                return request.getRemoteAddr();
            }

            @Override
            public long contentLength() {
                return request.getContentLengthLong();
            }

            @Override
            public InputStream body() throws IOException {
                return request.getInputStream();
            }
        };
    }

    static Map<String, List<String>> parseQuery(String queryString) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return query;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed %-escape: keep the text as sent; validation then names it.
            return s;
        }
    }

    static void write(Renderer.Rendered rendered, HttpServletResponse response) throws IOException {
        response.setStatus(rendered.status());
        rendered.headers().forEach((name, value) -> {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                response.setHeader(name, value);
            }
        });
        String length = rendered.header("Content-Length");
        if (length != null) {
            response.setContentLengthLong(Long.parseLong(length));
        } else if (rendered.status() != 304) {
            response.setContentLength(rendered.body().length);
        }
        if (rendered.body().length > 0) {
            response.getOutputStream().write(rendered.body());
        }
        response.flushBuffer();
    }
}
