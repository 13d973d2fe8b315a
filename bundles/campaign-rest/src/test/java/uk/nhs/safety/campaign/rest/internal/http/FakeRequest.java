package uk.nhs.safety.campaign.rest.internal.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A hand-made request below {@code /api/v1}, for tests without a servlet container. */
public final class FakeRequest implements ApiRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private long declaredLength = -1;
    private boolean bodyRead;
    private String remoteAddress = "192.0.2.10";

    private FakeRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static FakeRequest of(String method, String path) {
        return new FakeRequest(method, path);
    }

    public FakeRequest query(String name, String value) {
        query.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A body with its declared length and media type. */
    public FakeRequest body(String contentType, String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        this.declaredLength = body.length;
        return header("Content-Type", contentType);
    }

    /** A body sent chunked (no declared length). */
    public FakeRequest chunked(String contentType, byte[] bytes) {
        this.body = bytes;
        this.declaredLength = -1;
        return header("Content-Type", contentType);
    }

    /** Declares a length without sending that much: proves the declared length alone is refused. */
    public FakeRequest declaredLength(long length) {
        this.declaredLength = length;
        return this;
    }

    public boolean bodyRead() {
        return bodyRead;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String basePath() {
        return "/api/v1";
    }

    @Override
    public Map<String, List<String>> query() {
        return query;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The connection's address (default 192.0.2.10). */
    public FakeRequest from(String address) {
        this.remoteAddress = address;
        return this;
    }

    @Override
    public long contentLength() {
        return declaredLength;
    }

    @Override
    public InputStream body() {
        bodyRead = true;
        return new ByteArrayInputStream(body);
    }
}
