package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> BALANCERS = Set.of("10.0.0.5", "10.0.0.6");

    @Test
    void fromATrustedBalancerTheClientIsTheAddressItForwarded() {
        ApiRequest request = FakeRequest.of("GET", "/members").from("10.0.0.5")
                .header("X-Forwarded-For", "203.0.113.7");

        assertThat(ClientAddress.of(request, BALANCERS)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.resolve(request, BALANCERS).remoteAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void addressesTheClientWroteItselfLeftOfTheBalancersAreNotBelieved() {
        // the client sent "X-Forwarded-For: 198.51.100.1" to dodge the throttle; the balancer appended its peer
        ApiRequest request = FakeRequest.of("GET", "/members").from("10.0.0.6")
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7");

        assertThat(ClientAddress.of(request, BALANCERS)).isEqualTo("203.0.113.7");
    }

    @Test
    void throughTwoTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        ApiRequest request = FakeRequest.of("GET", "/members").from("10.0.0.5")
                .header("X-Forwarded-For", "203.0.113.7, 10.0.0.6");

        assertThat(ClientAddress.of(request, BALANCERS)).isEqualTo("203.0.113.7");
    }

    @Test
    void fromAnyoneElseOrWithNoProxyConfiguredTheHeaderIsIgnored() {
        ApiRequest direct = FakeRequest.of("GET", "/members").from("203.0.113.9")
                .header("X-Forwarded-For", "198.51.100.1");

        assertThat(ClientAddress.of(direct, BALANCERS)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of(direct, Set.of())).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.resolve(direct, BALANCERS)).isSameAs(direct);
    }

    @Test
    void aHopThatIsNotAnAddressStopsTheWalkAtTheNearestOneThatWas() {
        ApiRequest request = FakeRequest.of("GET", "/members").from("10.0.0.5")
                .header("X-Forwarded-For", "unknown, 203.0.113.7, 10.0.0.6");
        ApiRequest garbage = FakeRequest.of("GET", "/members").from("10.0.0.5")
                .header("X-Forwarded-For", "<script>");

        assertThat(ClientAddress.of(request, BALANCERS)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of(garbage, BALANCERS)).isEqualTo("10.0.0.5");
    }
}
