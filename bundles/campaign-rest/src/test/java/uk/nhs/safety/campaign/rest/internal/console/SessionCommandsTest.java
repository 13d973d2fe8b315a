package uk.nhs.safety.campaign.rest.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.rest.internal.security.Caller;
import uk.nhs.safety.campaign.rest.internal.security.DatabaseSessionStore;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore;
import uk.nhs.safety.campaign.rest.internal.security.TestWebTables;
import uk.nhs.safety.partner.testkit.ConsoleOutput;

class SessionCommandsTest {

    private static final Instant LOGIN = Instant.parse("2015-04-01T09:00:00Z");

    private final SessionStore sessions = new DatabaseSessionStore(TestWebTables.supplier(TestWebTables.h2()),
            Clock.fixed(LOGIN, ZoneOffset.UTC),
            Duration.ofMinutes(30), Duration.ofHours(8));

    /** Worked out here, independently of the store: the first 12 hex digits of SHA-256 of the id. */
    private static String handleOf(String id) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    private ConsoleOutput list(String user) throws Exception {
        SessionListCommand c = new SessionListCommand();
        c.sessions = sessions;
        c.user = user;
        return ConsoleOutput.run(c);
    }

    private ConsoleOutput end(String handle, String user) throws Exception {
        SessionEndCommand c = new SessionEndCommand();
        c.sessions = sessions;
        c.handle = handle;
        c.user = user;
        return ConsoleOutput.run(c);
    }

    private static String local(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault()).format(instant);
    }

    @Test
    void listsEachSessionWithHandleUserRolesAddressAndTimesButNeverItsId() throws Exception {
        String id = sessions.create(new Caller("rgt-editor", Set.of("member:RGT", "member-editor")), "127.0.0.2")
                .id();

        ConsoleOutput output = list(null);

        assertThat(output.exitStatus()).isZero();
        assertThat(output.out()).doesNotContain(id);
        String row = output.outLines().stream().filter(l -> l.contains("rgt-editor")).findFirst().orElseThrow();
        assertThat(row.split("\\s*[|\u2502]\\s*")).containsExactly(handleOf(id), "rgt-editor",
                "member-editor, member:RGT", "127.0.0.2", local(LOGIN), local(LOGIN),
                local(LOGIN.plus(Duration.ofMinutes(30))));
    }

    @Test
    void saysSoWhenNoSessionIsOpen() throws Exception {
        assertThat(list(null).out()).contains("no open web sessions");
    }

    @Test
    void filtersTheListByUser() throws Exception {
        sessions.create(new Caller("alice", Set.of("admin")), "127.0.0.1");
        sessions.create(new Caller("bob", Set.of("operator")), "127.0.0.1");

        ConsoleOutput output = list("bob");

        assertThat(output.out()).contains("bob").doesNotContain("alice");
    }

    @Test
    void endsOneSessionByAUniqueStartOfItsHandle() throws Exception {
        String alice = sessions.create(new Caller("alice", Set.of("admin")), "127.0.0.1").id();
        String bob = sessions.create(new Caller("bob", Set.of("operator")), "127.0.0.1").id();
        String handle = handleOf(alice);

        ConsoleOutput output = end(handle.substring(0, 8).toUpperCase(), null);

        assertThat(output.exitStatus()).isZero();
        assertThat(output.out().strip()).isEqualTo("Ended session " + handle + " of user 'alice' (from 127.0.0.1).");
        assertThat(sessions.caller(alice)).isEmpty();
        assertThat(sessions.caller(bob)).isPresent();
    }

    @Test
    void endsEverySessionOfAUser() throws Exception {
        String a1 = sessions.create(new Caller("alice", Set.of("admin")), "127.0.0.1").id();
        String a2 = sessions.create(new Caller("alice", Set.of("admin")), "127.0.0.2").id();
        String bob = sessions.create(new Caller("bob", Set.of("operator")), "127.0.0.1").id();

        ConsoleOutput output = end(null, "alice");

        assertThat(output.out()).startsWith("Ended 2 sessions of user 'alice': ")
                .contains(handleOf(a1), handleOf(a2));
        assertThat(sessions.caller(a1)).isEmpty();
        assertThat(sessions.caller(a2)).isEmpty();
        assertThat(sessions.caller(bob)).isPresent();
        assertThat(end(null, "alice").out().strip()).isEqualTo("No open session of user 'alice'; nothing changed.");
    }

    @Test
    void refusesAnUnknownShortOrMalformedHandleOnOneLineOfStandardOutputAndEndsNothing() throws Exception {
        sessions.create(new Caller("alice", Set.of("admin")), "127.0.0.1");

        assertThat(end("abc", null).errLines()).singleElement().asString()
                .startsWith("Error: handle 'abc': expected at least 6 hexadecimal digits");
        assertThat(end("zzzzzzzz", null).errLines()).singleElement().asString()
                .startsWith("Error: handle 'zzzzzzzz'");
        String unknown = handleOf("x").equals(sessions.sessions().get(0).handle()) ? "000000000000" : handleOf("x");
        assertThat(end(unknown, null).errLines()).singleElement().asString()
                .isEqualTo("Error: handle '" + unknown + "': no open session (see safety:session-list)");
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void wantsEitherAHandleOrAUser() throws Exception {
        assertThat(end(null, null).err()).startsWith("Error: give either a session handle or --user NAME");
        assertThat(end("abcdef", "alice").err()).startsWith("Error: give either a session handle or --user NAME");
    }
}
