package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingPasswordCheckTest {

    private final List<String> realmCalls = new ArrayList<>();
    private String alicePassword = "wonderland";
    private final PasswordCheck realm = (r, user, password) -> {
        realmCalls.add(user);
        return user.equals("alice") && new String(password).equals(alicePassword)
                ? Optional.of(Set.<Principal>of(new UserPrincipal("alice"))) : Optional.empty();
    };
    private final TestClock clock = new TestClock();
    private final AtomicInteger usersVersion = new AtomicInteger();
    private final CachingPasswordCheck cache = new CachingPasswordCheck(realm, clock, usersVersion::get);

    @Test
    void aSuccessfulCheckIsRememberedUntilItExpires() {
        assertThat(cache.check("karaf", "alice", "wonderland".toCharArray())).isPresent();
        assertThat(cache.check("karaf", "alice", "wonderland".toCharArray())).isPresent();
        assertThat(realmCalls).hasSize(1);

        clock.advance(CachingPasswordCheck.TTL.minusSeconds(1));
        assertThat(cache.check("karaf", "alice", "wonderland".toCharArray())).isPresent();
        assertThat(realmCalls).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.check("karaf", "alice", "wonderland".toCharArray())).isPresent();
        assertThat(realmCalls).hasSize(2);
    }

    @Test
    void wrongPasswordsAreNeverRememberedAndNeverServedFromTheCache() {
        cache.check("karaf", "alice", "wonderland".toCharArray());

        assertThat(cache.check("karaf", "alice", "wonderlanD".toCharArray())).isEmpty();
        assertThat(cache.check("karaf", "alice", "wonderlanD".toCharArray())).isEmpty();
        assertThat(cache.check("other", "alice", "wonderland".toCharArray())).isPresent();
        assertThat(realmCalls).hasSize(4);
    }

    @Test
    void aChangeOfTheUsersFileForgetsEverything() {
        cache.check("karaf", "alice", "wonderland".toCharArray());
        alicePassword = "looking-glass";
        usersVersion.incrementAndGet();

        assertThat(cache.check("karaf", "alice", "wonderland".toCharArray())).isEmpty();
        assertThat(cache.check("karaf", "alice", "looking-glass".toCharArray())).isPresent();
    }

    @Test
    void theFileVersionChangesWhenTheFileIsRewritten(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        Object absent = CachingPasswordCheck.fileVersion(users);
        Files.writeString(users, "alice = a,viewer\n");
        Object first = CachingPasswordCheck.fileVersion(users);
        Files.writeString(users, "alice = a,viewer\nbob = b,viewer\n");
        Object second = CachingPasswordCheck.fileVersion(users);

        assertThat(first).isNotEqualTo(absent).isNotEqualTo(second);
        assertThat(CachingPasswordCheck.fileVersion(users)).isEqualTo(second);
        assertThat(CachingPasswordCheck.fileVersion(null)).isEqualTo(CachingPasswordCheck.fileVersion(null));
    }
}
