package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;
import uk.nhs.safety.partner.testkit.TestPartnerDatabase;

/**
 * The login throttle counted in the database: the in-memory throttle's answers ({@link LoginThrottleTest}, worked out
 * the same way), and failures on two nodes (two throttles on one database) adding up. Limit 5 in 300 s.
 */
@ExtendWith(PostgresExtension.class)
class SharedLoginThrottleTest {

    private final TestClock clock = new TestClock();

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
    }

    private static TestPartnerDatabase database(String kind, PostgresServer server) {
        return "H2".equals(kind) ? TestWebTables.h2() : TestWebTables.postgres(server);
    }

    private SharedLoginThrottle node(Supplier<PartnerDatabase> db, String counter) {
        return new SharedLoginThrottle(counter, db, clock, 5, Duration.ofSeconds(300));
    }

    private static void fail(SharedLoginThrottle throttle, int times, String... keys) {
        for (int i = 0; i < times; i++) {
            throttle.failed(keys);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void allowsUpToTheLimitThenRefusesForTheRestOfTheWindow(String kind, PostgresServer server) {
        SharedLoginThrottle throttle = node(TestWebTables.supplier(database(kind, server)), "pair");
        fail(throttle, 4, "alice@10.0.0.1");
        assertThat(throttle.retryAfterSeconds("alice@10.0.0.1")).isZero();

        fail(throttle, 1, "alice@10.0.0.1");

        assertThat(throttle.retryAfterSeconds("alice@10.0.0.1")).isEqualTo(300);
        clock.advance(Duration.ofSeconds(299));
        assertThat(throttle.retryAfterSeconds("alice@10.0.0.1")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfterSeconds("alice@10.0.0.1")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void slidesTheWindowFailureByFailureAcrossNodes(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SharedLoginThrottle a = node(TestWebTables.supplier(db), "address");
        SharedLoginThrottle b = node(TestWebTables.supplier(db), "address");
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? a : b).failed("10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        // failures at 0 (A), 10 (B), 20 (A), 30 (B), 40 s (A); now 50 s: the first leaves the window at 300 s
        assertThat(b.retryAfterSeconds("10.0.0.1")).isEqualTo(250);
        assertThat(a.retryAfterSeconds("10.0.0.1")).isEqualTo(250);

        clock.advance(Duration.ofSeconds(250));
        assertThat(a.retryAfterSeconds("10.0.0.1")).isZero();
        assertThat(b.failures("10.0.0.1")).isEqualTo(4);

        // one more failure fills the window again until the failure at 10 s leaves it, at 310 s
        b.failed("10.0.0.1");
        assertThat(a.retryAfterSeconds("10.0.0.1")).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void roundsAPartSecondUp(String kind, PostgresServer server) {
        SharedLoginThrottle throttle = node(TestWebTables.supplier(database(kind, server)), "pair");
        fail(throttle, 5, "alice@10.0.0.1");
        clock.advance(Duration.ofMillis(299_500));

        assertThat(throttle.retryAfterSeconds("alice@10.0.0.1")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void failuresOnTwoNodesAddUp(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SharedLoginThrottle a = node(TestWebTables.supplier(db), "pair");
        SharedLoginThrottle b = node(TestWebTables.supplier(db), "pair");

        fail(a, 3, "alice@10.0.0.1");
        fail(b, 2, "alice@10.0.0.1");

        assertThat(a.failures("alice@10.0.0.1")).isEqualTo(5);
        assertThat(a.retryAfterSeconds("alice@10.0.0.1")).isEqualTo(300);
        assertThat(b.retryAfterSeconds("alice@10.0.0.1")).isEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSuccessOnOneNodeForgetsTheKeysFailuresOnAll(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SharedLoginThrottle a = node(TestWebTables.supplier(db), "pair");
        SharedLoginThrottle b = node(TestWebTables.supplier(db), "pair");
        fail(a, 4, "alice@10.0.0.1", "bob@10.0.0.1");

        // as a login does: checked first, then the success
        assertThat(b.retryAfterSeconds("alice@10.0.0.1")).isZero();
        b.succeeded("alice@10.0.0.1");

        assertThat(a.failures("alice@10.0.0.1")).isZero();
        assertThat(a.failures("bob@10.0.0.1")).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countersWithTheSameKeyAreSeparate(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SharedLoginThrottle passwords = node(TestWebTables.supplier(db), "address");
        SharedLoginThrottle tokens = node(TestWebTables.supplier(db), "token");

        fail(passwords, 5, "10.0.0.1");

        assertThat(passwords.retryAfterSeconds("10.0.0.1")).isEqualTo(300);
        assertThat(tokens.retryAfterSeconds("10.0.0.1")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsNoMoreRowsThanTheLimitAndTheWindowNeed(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SharedLoginThrottle throttle = node(TestWebTables.supplier(db), "pair");
        fail(throttle, 12, "alice@10.0.0.1");
        assertThat(db.count("SELECT COUNT(*) FROM web_login_failure")).isEqualTo(5);

        clock.advance(Duration.ofSeconds(300));
        throttle.failed("bob@10.0.0.1");

        // alice's failures have all left the window: only bob's one row is left
        assertThat(db.count("SELECT COUNT(*) FROM web_login_failure")).isEqualTo(1);
    }

    @Test
    void countsOnThisNodeWhileTheDatabaseIsUnavailable() {
        Supplier<PartnerDatabase> down = () -> {
            throw new StoreUnavailableException("the campaign store is not available: test", 5);
        };
        SharedLoginThrottle throttle = node(down, "pair");

        fail(throttle, 5, "alice@10.0.0.1");

        assertThat(throttle.retryAfterSeconds("alice@10.0.0.1")).isEqualTo(300);
    }
}
