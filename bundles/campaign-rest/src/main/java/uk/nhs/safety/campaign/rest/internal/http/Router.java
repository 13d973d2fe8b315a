package uk.nhs.safety.campaign.rest.internal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Method + path template → handler. Templates are {@code /}-separated segments, each a literal or a {@code {name}}
 * parameter; a last segment {@code {name...}} takes the rest of the path (possibly empty). Method {@code *} accepts
 * any method. Where several templates match a path, the one with more literal segments wins; HEAD falls back to GET.
 * Immutable once built; thread-safe.
 *
 * @param <H> the handler type
 */
public final class Router<H> {

    /** A matched route: its handler, template and the path parameters. */
    public record Match<H>(H handler, String method, String template, Map<String, String> params) {
    }

    private record Route<H>(String method, String template, List<String> segments, H handler) {
        int literals() {
            return (int) segments.stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    private final List<Route<H>> routes;

    private Router(List<Route<H>> routes) {
        List<Route<H>> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((Route<H> r) -> r.literals()).reversed());
        this.routes = List.copyOf(sorted);
    }

    public static <H> Builder<H> builder() {
        return new Builder<>();
    }

    /** Collects routes; refuses a method + template given twice. */
    public static final class Builder<H> {
        private final List<Route<H>> routes = new ArrayList<>();

        public Builder<H> add(String method, String template, H handler) {
            String m = method.toUpperCase(Locale.ROOT);
            for (Route<H> r : routes) {
                if (r.method.equals(m) && r.template.equals(template)) {
                    throw new IllegalArgumentException("route " + m + " " + template + " given twice");
                }
            }
            routes.add(new Route<>(m, template, segments(template), handler));
            return this;
        }

        public Router<H> build() {
            return new Router<>(routes);
        }
    }

    /** Every route as {@code METHOD template}, in match order. */
    public List<String> describe() {
        return routes.stream().map(r -> r.method + " " + r.template).toList();
    }

    /**
     * The route for a request.
     *
     * @throws ProblemException 404 when no template matches the path; 405 (with {@code Allow}) when templates match
     *                          but none for this method
     */
    public Match<H> match(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        List<String> segments = segments(path);
        Set<String> allowed = new TreeSet<>();
        Match<H> getForHead = null;
        for (Route<H> route : routes) {
            Map<String, String> params = bind(route.segments, segments);
            if (params == null) {
                continue;
            }
            if (route.method.equals(m) || "*".equals(route.method)) {
                return new Match<>(route.handler, m, route.template, params);
            }
            if ("HEAD".equals(m) && "GET".equals(route.method) && getForHead == null) {
                getForHead = new Match<>(route.handler, m, route.template, params);
            }
            allowed.add(route.method);
            if ("GET".equals(route.method)) {
                allowed.add("HEAD");
            }
        }
        if (getForHead != null) {
            return getForHead;
        }
        if (allowed.isEmpty()) {
            throw new ProblemException(Problem.Kind.NOT_FOUND, "no resource at this path");
        }
        String allow = String.join(", ", allowed);
        throw new ProblemException(Problem.Kind.METHOD_NOT_ALLOWED, m + " is not allowed here; allowed: " + allow)
                .withHeader("Allow", allow);
    }

    private static Map<String, String> bind(List<String> template, List<String> path) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("...}")) {
                params.put(t.substring(1, t.length() - 4), String.join("/", path.subList(Math.min(i, path.size()),
                        path.size())));
                return params;
            }
            if (i >= path.size()) {
                return null;
            }
            String p = path.get(i);
            if (t.startsWith("{")) {
                if (p.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return template.size() == path.size() ? params : null;
    }

    /** Segments of a path; a trailing slash is ignored, so {@code /members/} is {@code /members}. */
    private static List<String> segments(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? List.of() : List.of(p.split("/", -1));
    }
}
