package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofSeconds(300));

    private void fail(int times, String... keys) {
        for (int i = 0; i < times; i++) {
            throttle.failed(keys);
        }
    }

    @Test
    void allowsUpToTheLimitThenRefusesForTheRestOfTheWindow() {
        fail(4, "user:alice");
        assertThat(throttle.retryAfterSeconds("user:alice")).isZero();

        fail(1, "user:alice");

        assertThat(throttle.retryAfterSeconds("user:alice")).isEqualTo(300);
        clock.advance(Duration.ofSeconds(299));
        assertThat(throttle.retryAfterSeconds("user:alice")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfterSeconds("user:alice")).isZero();
    }

    @Test
    void slidesTheWindowFailureByFailure() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("address:10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        // failures at 0, 10, 20, 30, 40 s; now 50 s: the first leaves the window at 300 s
        assertThat(throttle.retryAfterSeconds("address:10.0.0.1")).isEqualTo(250);

        clock.advance(Duration.ofSeconds(250));
        assertThat(throttle.retryAfterSeconds("address:10.0.0.1")).isZero();
        assertThat(throttle.failures("address:10.0.0.1")).isEqualTo(4);

        // one more failure fills the window again until the failure at 10 s leaves it, at 310 s
        throttle.failed("address:10.0.0.1");
        assertThat(throttle.retryAfterSeconds("address:10.0.0.1")).isEqualTo(10);
    }

    @Test
    void roundsAPartSecondUp() {
        fail(5, "user:alice");
        clock.advance(Duration.ofMillis(299_500));

        assertThat(throttle.retryAfterSeconds("user:alice")).isEqualTo(1);
    }

    @Test
    void answersForTheMostLimitedOfSeveralKeys() {
        fail(5, "user:alice");
        clock.advance(Duration.ofSeconds(100));
        fail(5, "address:10.0.0.1");

        assertThat(throttle.retryAfterSeconds("user:alice", "address:10.0.0.1")).isEqualTo(300);
        assertThat(throttle.retryAfterSeconds("user:alice", "address:10.0.0.2")).isEqualTo(200);
        assertThat(throttle.retryAfterSeconds("user:bob", "address:10.0.0.2")).isZero();
    }

    @Test
    void aSuccessForgetsOnlyItsOwnKey() {
        fail(5, "user:alice", "address:10.0.0.1");

        throttle.succeeded("user:alice");

        assertThat(throttle.retryAfterSeconds("user:alice")).isZero();
        assertThat(throttle.retryAfterSeconds("address:10.0.0.1")).isEqualTo(300);
    }

    @Test
    void appliesNewLimitsToFailuresAlreadyCounted() {
        fail(2, "user:alice");

        throttle.configure(2, Duration.ofSeconds(60));

        assertThat(throttle.retryAfterSeconds("user:alice")).isEqualTo(60);
    }

    @Test
    void refusesNonsensicalLimits() {
        assertThatThrownBy(() -> throttle.configure(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFailures");
        assertThatThrownBy(() -> throttle.configure(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void dropsExpiredKeysSoManyDistinctNamesCannotExhaustMemory() {
        for (int i = 0; i < LoginThrottle.SWEEP_ABOVE; i++) {
            throttle.failed("user:u" + i);
        }
        clock.advance(Duration.ofSeconds(301));

        throttle.failed("user:latest");

        assertThat(throttle.keys()).isEqualTo(1);
        assertThat(throttle.failures("user:latest")).isEqualTo(1);
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeysBeyondTheCapEvenWhileTheyAreFresh() {
        LoginThrottle small = new LoginThrottle(clock, 2, Duration.ofSeconds(300), 3);
        small.failed("a");
        small.failed("b");
        small.failed("c");
        small.failed("a");

        small.failed("d");

        // "b" was the least recently used of a, b, c when "d" came in
        assertThat(small.keys()).isEqualTo(3);
        assertThat(small.failures("b")).isZero();
        assertThat(small.failures("a")).isEqualTo(2);
        assertThat(small.retryAfterSeconds("a")).isEqualTo(300);
    }

    @Test
    void keepsNoMoreInstantsPerKeyThanTheLimitNeeds() {
        fail(12, "pair");

        assertThat(throttle.failures("pair")).isEqualTo(5);
        assertThat(throttle.retryAfterSeconds("pair")).isEqualTo(300);
    }
}
