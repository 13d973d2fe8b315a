package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Open sessions follow the realm: deleted and disabled users lose them, changed roles apply on the next request. */
class SessionRecheckTest {

    /** A realm the test edits by hand, as an operator edits etc/users.properties. */
    private static final class FakeUsers implements UserDirectory {
        final Map<String, Set<String>> users = new HashMap<>();
        boolean readable = true;

        @Override
        public Lookup lookup(String user) {
            if (!readable) {
                return Lookup.UNKNOWN;
            }
            Set<String> roles = users.get(user);
            return roles == null ? Lookup.DELETED : Lookup.of(roles);
        }
    }

    private final TestClock clock = new TestClock();
    private final FakeUsers realm = new FakeUsers();
    private final SessionStore sessions = new DatabaseSessionStore(TestWebTables.supplier(TestWebTables.h2()), clock,
            realm, Duration.ofMinutes(30),
            Duration.ofHours(8));

    private String login(String user, String... roles) {
        realm.users.put(user, Set.of(roles));
        return sessions.create(new Caller(user, Set.of(roles)), "10.0.0.1").id();
    }

    @Test
    void aDeletedUsersSessionEndsOnTheNextRequest() {
        String id = login("alice", "admin");
        assertThat(sessions.caller(id)).isPresent();

        realm.users.remove("alice");

        assertThat(sessions.caller(id)).isEmpty();
        assertThat(sessions.expiresAt(id)).isEmpty();
        assertThat(sessions.size()).isZero();
        // and it stays ended when the user comes back: a new login is needed
        realm.users.put("alice", Set.of("admin"));
        assertThat(sessions.caller(id)).isEmpty();
    }

    @Test
    void aDisabledUsersSessionEnds() {
        String id = login("alice", "member-editor", "member:RGT");

        realm.users.put("alice", Set.of());

        assertThat(sessions.caller(id)).isEmpty();
    }

    @Test
    void removedRolesStopApplyingOnTheNextRequest() {
        String id = login("rgt-editor", "member-editor", "member:RGT", "member:RGN");
        assertThat(sessions.caller(id).orElseThrow().mayEdit("RGT")).isTrue();

        realm.users.put("rgt-editor", Set.of("member-editor", "member:RGN"));

        Caller now = sessions.caller(id).orElseThrow();
        assertThat(now.roles()).containsExactlyInAnyOrder("member-editor", "member:RGN");
        assertThat(now.mayEdit("RGT")).isFalse();
        assertThat(now.mayEdit("RGN")).isTrue();
    }

    @Test
    void addedRolesApplyOnTheNextRequest() {
        String id = login("ops", "operator");

        realm.users.put("ops", Set.of("operator", "admin"));

        assertThat(sessions.caller(id).orElseThrow().admin()).isTrue();
    }

    @Test
    void sessionsKeepTheirLoginRolesWhileTheRealmCannotBeRead() {
        String id = login("alice", "admin");
        realm.readable = false;
        realm.users.remove("alice");

        assertThat(sessions.caller(id).orElseThrow().admin()).isTrue();
    }

    @Test
    void otherUsersSessionsAreUntouched() {
        String alice = login("alice", "admin");
        String bob = login("bob", "operator");

        realm.users.remove("alice");

        assertThat(sessions.caller(alice)).isEmpty();
        assertThat(sessions.caller(bob).orElseThrow().name()).isEqualTo("bob");
    }

    @Test
    void listsSessionsWithHandleUserRolesAddressAndTimesButNeverTheId() {
        String id = login("alice", "admin");
        Instant created = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        sessions.caller(id);

        List<SessionStore.SessionInfo> open = sessions.sessions();

        assertThat(open).singleElement().satisfies(s -> {
            assertThat(s.user()).isEqualTo("alice");
            assertThat(s.roles()).containsExactly("admin");
            assertThat(s.address()).isEqualTo("10.0.0.1");
            assertThat(s.created()).isEqualTo(created);
            assertThat(s.lastSeen()).isEqualTo(created.plus(Duration.ofMinutes(10)));
            // idle end (10 + 30 min) comes before the 8 h limit
            assertThat(s.expiresAt()).isEqualTo(created.plus(Duration.ofMinutes(40)));
            assertThat(s.handle()).hasSize(12).matches("[0-9a-f]{12}").isNotEqualTo(id.substring(0, 12));
            assertThat(id).doesNotContain(s.handle());
        });
    }

    @Test
    void theHandleIsTheStartOfTheSha256OfTheId() throws Exception {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 example)
        assertThat(DatabaseSessionStore.handle("abc")).isEqualTo("ba7816bf8f01");
        assertThat(HexFormat.of().parseHex(DatabaseSessionStore.handle("abc"))).hasSize(6);
    }

    @Test
    void theListDropsSessionsOfDeletedUsers() {
        login("alice", "admin");
        login("bob", "operator");

        realm.users.remove("bob");

        assertThat(sessions.sessions()).extracting(SessionStore.SessionInfo::user).containsExactly("alice");
    }

    @Test
    void endsOneSessionByItsHandle() {
        String first = login("alice", "admin");
        String second = sessions.create(new Caller("alice", Set.of("admin")), "10.0.0.2").id();
        String handle = DatabaseSessionStore.handle(first);

        Optional<SessionStore.SessionInfo> ended = sessions.endByHandle(handle);

        assertThat(ended).map(SessionStore.SessionInfo::user).contains("alice");
        assertThat(sessions.caller(first)).isEmpty();
        assertThat(sessions.caller(second)).isPresent();
        assertThat(sessions.endByHandle(handle)).isEmpty();
    }

    @Test
    void endsEverySessionOfAUser() {
        String a1 = login("alice", "admin");
        String a2 = login("alice", "admin");
        String bob = login("bob", "operator");

        List<SessionStore.SessionInfo> ended = sessions.endUser("alice");

        assertThat(ended).hasSize(2);
        assertThat(sessions.caller(a1)).isEmpty();
        assertThat(sessions.caller(a2)).isEmpty();
        assertThat(sessions.caller(bob)).isPresent();
        assertThat(sessions.endUser("alice")).isEmpty();
    }

    @Test
    void theCachedDirectoryReadsTheRealmAtMostOncePerSecond() {
        AtomicInteger reads = new AtomicInteger();
        Map<String, Set<String>> users = new HashMap<>(Map.of("alice", Set.of("admin")));
        CachedUserDirectory directory = new CachedUserDirectory(clock, Duration.ofSeconds(1), () -> {
            reads.incrementAndGet();
            return Optional.of(Map.copyOf(users));
        });

        for (int i = 0; i < 100; i++) {
            assertThat(directory.lookup("alice").state()).isEqualTo(UserDirectory.State.ACTIVE);
        }
        users.remove("alice");
        clock.advance(Duration.ofMillis(999));
        assertThat(directory.lookup("alice").state()).isEqualTo(UserDirectory.State.ACTIVE);
        clock.advance(Duration.ofMillis(1));

        assertThat(directory.lookup("alice").state()).isEqualTo(UserDirectory.State.DELETED);
        assertThat(reads).hasValue(2);
    }

    @Test
    void theCachedDirectoryTellsDisabledAndUnknown() {
        CachedUserDirectory disabled = new CachedUserDirectory(clock, Duration.ofSeconds(1),
                () -> Optional.of(Map.of("alice", Set.of())));
        CachedUserDirectory unreadable = new CachedUserDirectory(clock, Duration.ofSeconds(1), Optional::empty);

        assertThat(disabled.lookup("alice").state()).isEqualTo(UserDirectory.State.DISABLED);
        assertThat(unreadable.lookup("alice").state()).isEqualTo(UserDirectory.State.UNKNOWN);
    }
}
