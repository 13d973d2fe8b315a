package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.partner.testkit.TestPartnerDatabase;

class SessionStoreTest {

    private final TestClock clock = new TestClock();
    private SessionStore sessions;

    /** The database the store runs on: in-memory H2 here, PostgreSQL in {@link SessionStorePostgresTest}. */
    protected TestPartnerDatabase database() {
        return TestWebTables.h2();
    }

    @BeforeEach
    void open() {
        sessions = new DatabaseSessionStore(TestWebTables.supplier(database()), clock, Duration.ofMinutes(30),
                Duration.ofHours(8));
    }
    private final Caller editor = new Caller("rgt-editor", Set.of("member-editor", "member:RGT"));

    @Test
    void givesTheLoggedInCallerBackForItsSessionId() {
        SessionStore.Created created = sessions.create(editor, "10.0.0.1");

        assertThat(sessions.caller(created.id())).contains(editor);
        assertThat(created.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
    }

    @Test
    void issuesUnguessableIdsOf256RandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(sessions.create(editor, "10.0.0.1").id());
        }
        assertThat(ids).hasSize(100);
        // 32 bytes in unpadded base64url: ceil(32 * 8 / 6) = 43 characters
        assertThat(ids).allSatisfy(id -> assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void endsASessionAfterThirtyIdleMinutesButNotWhileItIsUsed() {
        String id = sessions.create(editor, "10.0.0.1").id();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.caller(id)).as("used after 29 minutes").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.caller(id)).as("29 minutes after the last use").isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.caller(id)).as("30 minutes after the last use").isEmpty();
    }

    @Test
    void endsEvenAnActiveSessionEightHoursAfterLogin() {
        String id = sessions.create(editor, "10.0.0.1").id();
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.caller(id)).isPresent();
        }
        // 16 × 29 min = 7 h 44 min; 16 more minutes reach 8 h
        clock.advance(Duration.ofMinutes(16));
        assertThat(sessions.caller(id)).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        String id = sessions.create(editor, "10.0.0.1").id();

        assertThat(sessions.end(id)).isTrue();
        assertThat(sessions.caller(id)).isEmpty();
        assertThat(sessions.end(id)).isFalse();
    }

    @Test
    void knowsNoUnknownOrMissingId() {
        sessions.create(editor, "10.0.0.1");
        assertThat(sessions.caller("not-a-session")).isEmpty();
        assertThat(sessions.caller(null)).isEmpty();
        assertThat(sessions.caller("")).isEmpty();
    }

    @Test
    void refusesSessionsForAnonymousCallersAndPartnerTokens() {
        assertThatThrownBy(() -> sessions.create(Caller.ANONYMOUS, "10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
        Caller token = new Caller("partner:cqc", Set.of("partner", "partner:cqc"));
        assertThatThrownBy(() -> sessions.create(token, "10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesExpiredSessions() {
        sessions.create(editor, "10.0.0.1");
        sessions.create(editor, "10.0.0.1");
        clock.advance(Duration.ofMinutes(31));
        sessions.create(editor, "10.0.0.1");
        assertThat(sessions.size()).isEqualTo(1);
    }
}
