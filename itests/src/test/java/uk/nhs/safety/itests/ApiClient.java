package uk.nhs.safety.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small client for the HTTP API that checks every answer against the OpenAPI document: each JSON body (success or
 * problem) must match the schema the document gives for that operation and status, or the call fails the test.
 * Valid request bodies are checked against the document too, so that a passing test also proves the document
 * describes the requests that work.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private final URI base;
    private final OpenApiValidator validator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(URI base, OpenApiValidator validator) {
        this.base = base;
        this.validator = validator;
    }

    URI base() {
        return base;
    }

    /** Who calls: an Authorization header value, or none for anonymous. */
    record Caller(String name, String authorization) {
        static final Caller ANONYMOUS = new Caller("anonymous", null);

        static Caller basic(String user, String password) {
            return new Caller(user, "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        static Caller bearer(String name, String secret) {
            return new Caller(name, "Bearer " + secret);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Request request(String method, String template, Object... args) {
        return new Request(method, template, args);
    }

    Request get(String template, Object... args) {
        return request("GET", template, args);
    }

    Request post(String template, Object... args) {
        return request("POST", template, args);
    }

    Request put(String template, Object... args) {
        return request("PUT", template, args);
    }

    Request delete(String template, Object... args) {
        return request("DELETE", template, args);
    }

    /** One request being put together; {@link #send()} sends it and checks the answer against the document. */
    final class Request {
        private final String method;
        private final String template;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Caller caller = Caller.ANONYMOUS;
        private byte[] body;
        private Long declaredLength;

        private Request(String method, String template, Object... args) {
            this.method = method;
            this.template = template;
            this.path = expand(template, args);
        }

        Request as(Caller who) {
            this.caller = who;
            return this;
        }

        Request query(String name, Object value) {
            query.put(name, String.valueOf(value));
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request ifMatch(String etag) {
            return header("If-Match", etag);
        }

        /** A body the document must accept (checked before sending). */
        Request json(Object value) {
            String text = text(value);
            List<String> problems = validator.checkRequest(method, template, "application/json", text);
            if (!problems.isEmpty()) {
                throw new AssertionError("the test sends a body the OpenAPI document refuses: " + problems);
            }
            return raw("application/json", text);
        }

        /** A body sent as it is, for bad-input tests. */
        Request raw(String contentType, String text) {
            return raw(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        Request raw(String contentType, byte[] bytes) {
            this.body = bytes;
            return header("Content-Type", contentType);
        }

        /** Sends Expect: 100-continue, so a server that refuses the body by its headers never has to read it. */
        /**
         * For {@link #sendFrom}: declare this Content-Length while sending only the body given, as a client does that
         * is still uploading when the server answers (413 must come from the declared length, without reading).
         */
        Request declaringLength(long length) {
            this.declaredLength = length;
            return this;
        }


        URI uri() {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(encode(k)).append('=')
                    .append(encode(v)));
            return base.resolve(path + q);
        }

        Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            if (caller.authorization() != null) {
                builder.header("Authorization", caller.authorization());
            }
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + uri() + " as " + caller + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return checked(new Response(method, template, uri(), answer.statusCode(), toMap(answer.headers()),
                    answer.body()));
        }

        /**
         * Sends the request over a plain socket bound to a given local address, so the server sees a different
         * remote address (the whole 127.0.0.0/8 block is loopback on Linux).
         */
        Response sendFrom(InetAddress localAddress) {
            URI uri = uri();
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(localAddress, 0));
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
                socket.setSoTimeout(30_000);
                StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath())
                        .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                        .append("Connection: close\r\n");
                headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                if (caller.authorization() != null) {
                    head.append("Authorization: ").append(caller.authorization()).append("\r\n");
                }
                long length = declaredLength != null ? declaredLength : body == null ? 0 : body.length;
                head.append("Content-Length: ").append(length).append("\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return checked(parseRaw(uri, socket.getInputStream().readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + uri + " from " + localAddress + " failed", e);
            }
        }

        private Response parseRaw(URI uri, byte[] raw) throws IOException {
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (split < 0) {
                throw new IOException("no complete HTTP response head: " + new String(raw, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                map.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            byte[] content = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            String encoding = map.getOrDefault("Transfer-Encoding", List.of("")).get(0);
            if ("chunked".equalsIgnoreCase(encoding)) {
                content = dechunk(content);
            }
            return new Response(method, template, uri, status, map, content);
        }
    }

    /** An answer, its body already gunzipped when it came compressed. */
    record Response(String method, String template, URI uri, int status, Map<String, List<String>> headers,
                    byte[] rawBody) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : String.join(", ", values);
        }

        boolean gzipped() {
            return "gzip".equalsIgnoreCase(header("Content-Encoding"));
        }

        byte[] bytes() {
            if (!gzipped()) {
                return rawBody;
            }
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(rawBody))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Content-Encoding: gzip, but the body is not gzip", e);
            }
        }

        String body() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes());
            } catch (IOException e) {
                throw new AssertionError(this + ": the body is not JSON: " + body(), e);
            }
        }

        String etag() {
            return header("ETag");
        }

        /** The problem type's last segment, e.g. {@code not-found}. */
        String problemKind() {
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        /** The fields the problem's {@code errors} name. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return method + " " + uri + " → " + status;
        }
    }

    private Response checked(Response response) {
        String contentType = response.header("Content-Type");
        byte[] bytes = response.bytes();
        if (response.status() == 304 && bytes.length > 0) {
            throw new AssertionError(response + ": a 304 with a body");
        }
        // every answer, even one without a body: its status must be documented for the operation
        List<String> problems = validator.checkResponse(response.method(), response.template(), response.status(),
                contentType, new String(bytes, StandardCharsets.UTF_8));
        if (!problems.isEmpty()) {
            throw new AssertionError(response + " does not match the OpenAPI document:\n  "
                    + String.join("\n  ", problems) + "\nbody: " + abbreviate(response.body()));
        }
        return response;
    }

    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expand(String template, Object... args) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= args.length) {
                throw new IllegalArgumentException("no value for " + m.group() + " in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encode(String.valueOf(args[i++])).replace("%2F", "/")));
        }
        m.appendTail(out);
        if (i != args.length) {
            throw new IllegalArgumentException("too many values for " + template);
        }
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, List<String>> toMap(HttpHeaders headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(headers.map());
        return map;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, pos, chunked.length),
                    "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                throw new IOException("broken chunked encoding");
            }
            String sizeLine = new String(chunked, pos, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            pos += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, pos, size);
            pos += size + 2;
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
