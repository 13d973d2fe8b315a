package uk.nhs.safety.campaign.rest.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Paging parameters and the RFC 8288 {@code Link} header of a paged list. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /**
     * The {@code Link} header for a page, or {@code null} when there is nothing to link to: {@code first} and
     * {@code prev} when not on the first page, {@code next} when items remain. Other query parameters are kept.
     *
     * @param target the path of the list as the client sees it, e.g. {@code /api/v1/members}
     * @param query  the request's query parameters (offset and limit are replaced)
     */
    public static String linkHeader(String target, Map<String, List<String>> query, int offset, int limit,
                                    long total) {
        List<String> links = new ArrayList<>();
        if (offset > 0) {
            links.add(link(target, query, 0, limit, "first"));
            links.add(link(target, query, Math.max(0, offset - limit), limit, "prev"));
        }
        if ((long) offset + limit < total) {
            links.add(link(target, query, offset + limit, limit, "next"));
        }
        return links.isEmpty() ? null : String.join(", ", links);
    }

    private static String link(String target, Map<String, List<String>> query, int offset, int limit, String rel) {
        StringJoiner q = new StringJoiner("&", target + "?", "");
        query.entrySet().stream()
                .filter(e -> !"offset".equals(e.getKey()) && !"limit".equals(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(v -> q.add(encode(e.getKey()) + "=" + encode(v))));
        q.add("offset=" + offset);
        q.add("limit=" + limit);
        return "<" + q + ">; rel=\"" + rel + "\"";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
