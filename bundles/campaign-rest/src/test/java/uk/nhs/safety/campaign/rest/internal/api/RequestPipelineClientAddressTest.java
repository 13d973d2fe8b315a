package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/** Behind the operator's load balancer, authentication (and so the login throttle) sees each client's own address. */
class RequestPipelineClientAddressTest {

    private final List<String> authenticatedFrom = new CopyOnWriteArrayList<>();
    private final List<String> dispatchedFrom = new CopyOnWriteArrayList<>();
    private final Authenticator authenticator = (authorization, remote) -> {
        authenticatedFrom.add(remote);
        return new Caller("alice", Set.of("admin"));
    };
    private final Dispatcher dispatcher = (request, caller, settings) -> {
        dispatchedFrom.add(request.remoteAddress());
        return ApiResponse.ok(Map.of());
    };
    private final RequestPipeline pipeline = new RequestPipeline(authenticator, new Json());

    @Test
    void throughATrustedBalancerEachClientIsKnownByItsOwnAddress() {
        RestSettings behindBalancer = new RestSettings(1024, 1024, 60, Set.of("10.0.0.5"));

        for (String client : List.of("203.0.113.7", "203.0.113.8")) {
            pipeline.process(FakeRequest.of("GET", "/pledges").from("10.0.0.5").header("Authorization", "Basic x")
                    .header("X-Forwarded-For", client), dispatcher, () -> behindBalancer);
        }

        assertThat(authenticatedFrom).containsExactly("203.0.113.7", "203.0.113.8");
        assertThat(dispatchedFrom).containsExactly("203.0.113.7", "203.0.113.8");
    }

    @Test
    void withoutATrustedBalancerAForwardedAddressIsIgnored() {
        pipeline.process(FakeRequest.of("GET", "/pledges").from("203.0.113.9").header("Authorization", "Basic x")
                .header("X-Forwarded-For", "198.51.100.1"), dispatcher, () -> RestSettings.DEFAULTS);

        assertThat(authenticatedFrom).containsExactly("203.0.113.9");
    }
}
