package uk.nhs.safety.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer for the cluster tests, as an operator's HAProxy would be set up ({@code balance roundrobin}, no
 * sticky sessions, {@code option redispatch}): each request goes to the next node in turn; a request whose connection
 * a node refuses (the node is down) goes to the next node instead; a request a node accepted and then failed is
 * answered 502, as HAProxy answers a request that was in flight when its server died.
 */
final class RoundRobinProxy implements AutoCloseable {

    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authorization", "proxy-authenticate", "host", "content-length", "expect");

    private final List<URI> nodes;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray served;

    private RoundRobinProxy(List<URI> nodes) throws IOException {
        this.nodes = List.copyOf(nodes);
        this.served = new AtomicLongArray(nodes.size());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    static RoundRobinProxy start(List<URI> nodes) throws IOException {
        return new RoundRobinProxy(nodes);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests node {@code i} has answered through the proxy. */
    long served(int i) {
        return served.get(i);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int first = Math.floorMod(next.getAndIncrement(), nodes.size());
            for (int attempt = 0; attempt < nodes.size(); attempt++) {
                int node = (first + attempt) % nodes.size();
                HttpResponse<byte[]> answer;
                try {
                    answer = client.send(request(exchange, nodes.get(node), body),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException | HttpConnectTimeoutException refused) {
                    continue; // the node is down: redispatch
                } catch (IOException e) {
                    reply(exchange, 502, "the node failed while answering: " + e);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reply(exchange, 502, "interrupted");
                    return;
                }
                served.incrementAndGet(node);
                answer.headers().map().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                byte[] bytes = answer.body();
                boolean empty = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : bytes.length);
                if (!empty) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
                return;
            }
            reply(exchange, 503, "no node accepted the connection");
        }
    }

    private static HttpRequest request(HttpExchange exchange, URI node, byte[] body) {
        URI uri = node.resolve(exchange.getRequestURI().toString());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
