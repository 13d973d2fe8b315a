package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
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

/** Two nodes (two stores) on one database: a session belongs to the cluster, not to the node that opened it. */
@ExtendWith(PostgresExtension.class)
class SharedSessionsTest {

    private final TestClock clock = new TestClock();
    private final Caller editor = new Caller("rgt-editor", Set.of("member-editor", "member:RGT"));

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
    }

    private TestPartnerDatabase database(String kind, PostgresServer server) {
        return "H2".equals(kind) ? TestWebTables.h2() : TestWebTables.postgres(server);
    }

    private SessionStore node(PartnerDatabase db) {
        return new DatabaseSessionStore(TestWebTables.supplier(db), clock, Duration.ofMinutes(30),
                Duration.ofHours(8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSessionOpenedOnOneNodeIsValidOnTheOther(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SessionStore a = node(db);
        SessionStore b = node(db);

        SessionStore.Created created = a.create(editor, "10.0.0.1");

        assertThat(b.caller(created.id())).contains(editor);
        assertThat(b.expiresAt(created.id())).contains(created.expiresAt());
        assertThat(b.sessions()).singleElement().satisfies(s -> {
            assertThat(s.user()).isEqualTo("rgt-editor");
            assertThat(s.address()).isEqualTo("10.0.0.1");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void logoutOnOneNodeEndsTheSessionOnBoth(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SessionStore a = node(db);
        SessionStore b = node(db);
        String id = a.create(editor, "10.0.0.1").id();
        assertThat(b.caller(id)).isPresent();

        assertThat(b.end(id)).isTrue();

        assertThat(a.caller(id)).isEmpty();
        assertThat(b.caller(id)).isEmpty();
        assertThat(a.end(id)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void useOnEitherNodeKeepsTheSessionAlive(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SessionStore a = node(db);
        SessionStore b = node(db);
        String id = a.create(editor, "10.0.0.1").id();

        clock.advance(Duration.ofMinutes(20));
        assertThat(b.caller(id)).isPresent();
        clock.advance(Duration.ofMinutes(20)); // 40 min after login, 20 after the use on node B
        assertThat(a.caller(id)).as("idle for 20 minutes only").isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(b.caller(id)).as("idle for 30 minutes").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAdministratorEndsAUsersSessionsOnEveryNode(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        SessionStore a = node(db);
        SessionStore b = node(db);
        String one = a.create(editor, "10.0.0.1").id();
        String two = b.create(editor, "10.0.0.2").id();

        assertThat(a.endUser("rgt-editor")).hasSize(2);

        assertThat(b.caller(one)).isEmpty();
        assertThat(b.caller(two)).isEmpty();
        assertThat(a.size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesOnlyAHashOfTheSessionId(String kind, PostgresServer server) {
        TestPartnerDatabase db = database(kind, server);
        String id = node(db).create(editor, "10.0.0.1").id();

        assertThat(db.count("SELECT COUNT(*) FROM web_session WHERE id_hash = '" + id + "'")).isZero();
        // SHA-256 in hex: 64 digits
        assertThat(db.count("SELECT COUNT(*) FROM web_session WHERE LENGTH(id_hash) = 64")).isEqualTo(1);
    }

    @Test
    void aStoreThatCannotBeReachedFailsAsUnavailableNotAsLoggedOut() {
        Supplier<PartnerDatabase> down = () -> {
            throw new StoreUnavailableException("the campaign store is not available: test", 5);
        };
        SessionStore unavailable = new DatabaseSessionStore(down, clock, Duration.ofMinutes(30), Duration.ofHours(8));

        assertThatThrownBy(() -> unavailable.caller("some-session-id"))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> unavailable.create(editor, "10.0.0.1"))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
