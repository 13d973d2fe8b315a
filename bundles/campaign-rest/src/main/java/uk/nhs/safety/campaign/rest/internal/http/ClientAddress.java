package uk.nhs.safety.campaign.rest.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client's address behind the operator's load balancers: when the connection comes from a trusted proxy, the
 * nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy (addresses further left were written
 * by the client and prove nothing); otherwise the connection's own address. Without it every client behind a balancer
 * shares the balancer's address, and the login throttle would count them all as one.
 */
public final class ClientAddress {

    /** The header proxies append the address they received a request from to. */
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    /** The client's address for {@code request}, believing {@code X-Forwarded-For} only from {@code trusted}. */
    public static String of(ApiRequest request, Set<String> trusted) {
        String peer = request.remoteAddress();
        String forwarded = request.header(FORWARDED_FOR);
        if (trusted.isEmpty() || peer == null || !trusted.contains(peer) || forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!IP.matcher(hop).matches()) {
                return client; // not an address: stop at the nearest one that was
            }
            client = hop;
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** {@code request} with {@link ApiRequest#remoteAddress()} answering the client's address. */
    public static ApiRequest resolve(ApiRequest request, Set<String> trusted) {
        String client = of(request, trusted);
        if (client == null || client.equals(request.remoteAddress())) {
            return request;
        }
        return new ApiRequest() {
            @Override
            public String method() {
                return request.method();
            }

            @Override
            public String path() {
                return request.path();
            }

            @Override
            public String basePath() {
                return request.basePath();
            }

            @Override
            public Map<String, List<String>> query() {
                return request.query();
            }

            @Override
            public String header(String name) {
                return request.header(name);
            }

            @Override
            public String remoteAddress() {
                return client;
            }

            @Override
            public long contentLength() {
                return request.contentLength();
            }

            @Override
            public InputStream body() throws IOException {
                return request.body();
            }
        };
    }
}
