package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import uk.nhs.safety.itests.ApiClient.Caller;
import uk.nhs.safety.itests.ApiClient.Response;

/**
 * Web login sessions and login throttling on the built distribution: a session follows its user's entry in
 * {@code etc/users.properties} (deleted, disabled, roles changed) within a bounded time, administrators list and end
 * sessions with {@code safety:session-list} and {@code safety:session-end} over {@code bin/client}, and failed
 * passwords slow down only the (user, address) pair, never a partner token nor the same user from another address.
 * Sessions and failed logins are kept in the database: both outlive a restart of the node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsIT {

    private static final String SESSION = "/api/v1/session";
    private static final String AUDIT = "/api/v1/members/{ods}/audit";
    private static final String CLEARED = "safety_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    /** How long a change to users.properties may take to reach open sessions (the realm is re-read each second). */
    private static final Duration RECHECK = Duration.ofSeconds(10);

    private KarafProcess karaf;
    private ApiClient api;
    private Caller cqcToken;

    @BeforeAll
    void startDistribution() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sessions-it");
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), dir);
        karaf.addUser("roles-editor", "roles-secret", "member-editor", "member:RGT");
        karaf.addUser("gone-operator", "gone-secret", "operator");
        karaf.addUser("off-operator", "off-secret", "operator");
        karaf.addUser("ended-operator", "ended-secret", "operator");
        karaf.addUser("restart-operator", "restart-secret", "operator");
        karaf.start();
        api = new ApiClient(karaf.httpBase(), OpenApiValidator.of(OpenApiValidator.repositoryDocument()));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> api.get("/api/v1/members/{ods}", "RGT").send().status() == 200);
        cqcToken = Caller.bearer("cqc token", secretOf(karaf.console("safety:token-create --allow-unknown cqc SessionsIT")));
    }

    @AfterAll
    void stopDistribution() throws Exception {
        if (karaf != null) {
            karaf.stop();
        }
    }

    // --- sessions follow users.properties -------------------------------------------------------------------------

    @Test
    void changedRolesApplyToAnOpenSessionAtOnce() throws IOException {
        String cookie = login("roles-editor", "roles-secret");
        assertThat(api.get(AUDIT, "RGT").header("Cookie", cookie).send().status()).isEqualTo(200);

        editUser("roles-editor", line -> line.replace("member:RGT", "member:RJZ"));

        await().atMost(RECHECK).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(AUDIT, "RGT").header("Cookie", cookie).send().status() == 403);
        assertThat(api.get(AUDIT, "RJZ").header("Cookie", cookie).send().status()).isEqualTo(200);
        JsonNode who = api.get(SESSION).header("Cookie", cookie).send().json();
        assertThat(who.path("authenticated").asBoolean()).isTrue();
        assertThat(who.path("members").toString()).isEqualTo("[\"RJZ\"]");
    }

    @Test
    void aDeletedUsersSessionEndsAndItsCookieIsCleared() throws Exception {
        String cookie = login("gone-operator", "gone-secret");
        assertThat(api.get(AUDIT, "RGT").header("Cookie", cookie).send().status()).isEqualTo(200);

        editUser("gone-operator", line -> null);

        await().atMost(RECHECK).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(AUDIT, "RGT").header("Cookie", cookie).send().status() == 401);
        Response who = api.get(SESSION).header("Cookie", cookie).send();
        assertThat(who.json().path("authenticated").asBoolean()).isFalse();
        assertThat(who.header("Set-Cookie")).isEqualTo(CLEARED);
        assertThat(karaf.console("safety:session-list")).doesNotContain("gone-operator");
    }

    @Test
    void aDisabledUsersSessionEnds() throws IOException {
        String cookie = login("off-operator", "off-secret");
        assertThat(api.get(AUDIT, "RGT").header("Cookie", cookie).send().status()).isEqualTo(200);

        // Disabled in Karaf's file realm: the entry keeps its password but loses every role.
        editUser("off-operator", line -> line.substring(0, line.indexOf(',')));

        await().atMost(RECHECK).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(AUDIT, "RGT").header("Cookie", cookie).send().status() == 401);
        assertThat(api.get(SESSION).header("Cookie", cookie).send().json().path("authenticated").asBoolean())
                .isFalse();
    }

    // --- the console ----------------------------------------------------------------------------------------------

    @Test
    void anAdministratorListsAndEndsSessionsFromTheConsole() throws Exception {
        String first = login("ended-operator", "ended-secret");
        String second = login("ended-operator", "ended-secret");
        String third = login("ended-operator", "ended-secret");

        String listed = karaf.console("safety:session-list --user ended-operator");
        List<String> handles = new ArrayList<>();
        for (String line : listed.lines().toList()) {
            String[] cells = line.trim().split("\\s*[|\u2502]\\s*");
            if (cells.length > 3 && cells[1].equals("ended-operator")) {
                handles.add(cells[0]);
                assertThat(cells[2]).isEqualTo("operator");
                assertThat(cells[3]).isEqualTo("127.0.0.1");
            }
        }
        assertThat(handles).as(listed).hasSize(3).allMatch(h -> h.matches("[0-9a-f]{12}"));
        assertThat(listed).doesNotContain(value(first)).doesNotContain(value(second)).doesNotContain(value(third));

        // Which handle is which cookie is not shown; end one, and exactly one cookie stops working.
        String ended = karaf.console("safety:session-end " + handles.get(0));
        assertThat(ended).contains("Ended session " + handles.get(0) + " of user 'ended-operator'");
        List<Integer> statuses = new ArrayList<>();
        for (String cookie : List.of(first, second, third)) {
            statuses.add(api.get(AUDIT, "RGT").header("Cookie", cookie).send().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(401, 200, 200);

        assertThat(karaf.console("safety:session-end --user ended-operator")).contains("Ended 2 sessions");
        for (String cookie : List.of(first, second, third)) {
            assertThat(api.get(AUDIT, "RGT").header("Cookie", cookie).send().status()).isEqualTo(401);
        }
        assertThat(karaf.console("safety:session-end 0123456789ab"))
                .contains("Error: handle '0123456789ab': no open session");
    }

    // --- throttling -----------------------------------------------------------------------------------------------

    @Test
    void fiveWrongAdminPasswordsStopNeitherATokenFromThatAddressNorAdminFromAnother() throws IOException {
        InetAddress attacker = InetAddress.getByName("127.0.0.3");
        InetAddress elsewhere = InetAddress.getByName("127.0.0.4");
        Caller wrong = Caller.basic("admin", "not-the-password");
        Caller admin = Caller.basic("admin", "admin");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(api.get("/api/v1/pledges").as(wrong).sendFrom(attacker).status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401);

        Response locked = api.get("/api/v1/pledges").as(admin).sendFrom(attacker);
        assertThat(locked.status()).as("admin from the guessing address").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 300L);
        Response webLogin = api.post(SESSION).header("X-Requested-With", "SessionsIT")
                .json("{\"user\":\"admin\",\"password\":\"admin\"}").sendFrom(attacker);
        assertThat(webLogin.status()).as("the web login is throttled as Basic is").isEqualTo(429);

        Response token = api.get(SESSION).as(cqcToken).sendFrom(attacker);
        assertThat(token.status()).as("a partner token from the same address").isEqualTo(200);
        assertThat(token.json().path("user").asText()).isEqualTo("partner:cqc");
        assertThat(api.get("/api/v1/members/{ods}/audit", "RGT").as(admin).sendFrom(elsewhere).status())
                .as("admin with the right password from another address").isEqualTo(200);
        assertThat(api.post(SESSION).header("X-Requested-With", "SessionsIT")
                .json("{\"user\":\"admin\",\"password\":\"admin\"}").sendFrom(elsewhere).status())
                .as("admin's web login from another address").isEqualTo(201);
    }

    // --- kept in the database ------------------------------------------------------------------------------------

    @Test
    void aSessionAndTheCountedFailedLoginsOutliveARestartOfTheNode() throws Exception {
        String cookie = login("restart-operator", "restart-secret");
        InetAddress guessing = InetAddress.getByName("127.0.0.5");
        Caller wrong = Caller.basic("restart-operator", "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/pledges").as(wrong).sendFrom(guessing).status()).isEqualTo(401);
        }

        karaf.stop();
        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> api.get("/api/v1/members/{ods}", "RGT").send().status() == 200);

        // Both live in the database, not in the node's memory: another node would see them the same way.
        assertThat(api.get(AUDIT, "RGT").header("Cookie", cookie).send().status()).as("the session").isEqualTo(200);
        assertThat(api.get("/api/v1/pledges").as(Caller.basic("restart-operator", "restart-secret"))
                .sendFrom(guessing).status()).as("the pair's 5 failures before the restart").isEqualTo(429);
        assertThat(karaf.console("safety:session-list --user restart-operator")).contains("restart-operator");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Logs in through the web login form; the cookie as a request's Cookie header value. */
    private String login(String user, String password) {
        Response r = api.post(SESSION).header("X-Requested-With", "SessionsIT")
                .json("{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}").send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String setCookie = r.header("Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String value(String cookie) {
        return cookie.substring(cookie.indexOf('=') + 1);
    }

    /**
     * Edits the user's line of etc/users.properties as an operator would by hand ({@code null}: delete the line). The
     * password part (hashed by Karaf at start, whatever the format) is kept as it is.
     */
    private void editUser(String user, UnaryOperator<String> edit) throws IOException {
        Path file = karaf.home().resolve("etc/users.properties");
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.matches(java.util.regex.Pattern.quote(user) + "\\s*=.*")) {
                found = true;
                String edited = edit.apply(line);
                if (edited != null) {
                    lines.add(edited);
                }
            } else {
                lines.add(line);
            }
        }
        assertThat(found).as("a line for " + user + " in " + file).isTrue();
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    private static String secretOf(String consoleOutput) {
        return consoleOutput.lines().map(String::trim).filter(l -> l.startsWith("Secret: "))
                .map(l -> l.substring("Secret: ".length()).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'Secret: ' line in: " + consoleOutput));
    }
}
