package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.Caller;
import uk.nhs.safety.campaign.rest.internal.security.DatabaseSessionStore;
import uk.nhs.safety.campaign.rest.internal.security.TestWebTables;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore;
import uk.nhs.safety.campaign.rest.internal.security.UserDirectory;

/** The login form's session: login, cookie attributes, cookie-authenticated API calls, CSRF header, logout. */
class SessionApiTest {

    private static final String ED_BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("ed:right".getBytes(StandardCharsets.UTF_8));
    private static final String ACTION = "{\"pledge\":1,\"text\":\"add action by cookie\","
            + "\"ownerRole\":\"Chief Nurse\",\"status\":\"planned\"}";
    private static final Caller ED = new Caller("ed", Set.of("member-editor", "member:RGT"));

    private final Authenticator authenticator = (authorization, remote) -> {
        if (authorization == null) {
            return Caller.ANONYMOUS;
        }
        if (ED_BASIC.equals(authorization)) {
            return ED;
        }
        throw new AuthenticationException(AuthenticationException.Reason.BAD_CREDENTIALS, "wrong", 0);
    };
    private final SessionStore sessions = new DatabaseSessionStore(TestWebTables.supplier(TestWebTables.h2()), Clock.systemUTC(),
            Duration.ofMinutes(30),
            Duration.ofHours(8));
    private final Json json = new Json();
    private final RequestPipeline pipeline = new RequestPipeline(authenticator, json, sessions);
    private final SessionApi sessionApi = new SessionApi(authenticator, sessions, json);
    private final FakeCampaign campaign = new FakeCampaign();
    private final CampaignApi api = new CampaignApi(campaign.services(), new PartnerDirectory(), json, () -> null);
    private final ObjectMapper mapper = new ObjectMapper();

    private Renderer.Rendered session(FakeRequest request) {
        return pipeline.process(request, sessionApi, () -> RestSettings.DEFAULTS);
    }

    private Renderer.Rendered api(FakeRequest request) {
        return pipeline.process(request, api, () -> RestSettings.DEFAULTS);
    }

    private static FakeRequest login(String user, String password) {
        return FakeRequest.of("POST", "/").header("X-Requested-With", "fetch")
                .body("application/json", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private String cookieOf(Renderer.Rendered loggedIn) {
        String setCookie = loggedIn.header("Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private JsonNode body(Renderer.Rendered rendered) throws IOException {
        return mapper.readTree(rendered.body());
    }

    @Test
    void logsInWithTheRightPasswordAndSetsAnHttpOnlySameSiteStrictCookie() throws IOException {
        Renderer.Rendered out = session(login("ed", "right"));

        assertThat(out.status()).isEqualTo(201);
        assertThat(out.header("Set-Cookie")).matches("safety_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly;"
                + " SameSite=Strict");
        assertThat(out.header("Cache-Control")).isEqualTo("no-store");
        assertThat(body(out).path("user").asText()).isEqualTo("ed");
        assertThat(body(out).path("members").get(0).asText()).isEqualTo("RGT");
        assertThat(body(out).path("admin").asBoolean()).isFalse();
    }

    @Test
    void marksTheCookieSecureBehindHttps() {
        Renderer.Rendered out = session(login("ed", "right").header("X-Forwarded-Proto", "https"));

        assertThat(out.header("Set-Cookie")).endsWith("; SameSite=Strict; Secure");
    }

    @Test
    void refusesAWrongPasswordWithoutABasicChallengeSoTheBrowserShowsNoPopup() {
        Renderer.Rendered out = session(login("ed", "wrong"));

        assertThat(out.status()).isEqualTo(401);
        assertThat(out.header("Set-Cookie")).isNull();
        assertThat(out.header("WWW-Authenticate")).isEqualTo("Session realm=\"Sign up to Safety\"");
        assertThat(sessions.size()).isZero();
    }

    @Test
    void refusesALoginWithoutTheCsrfHeader() {
        Renderer.Rendered out = session(FakeRequest.of("POST", "/")
                .body("application/json", "{\"user\":\"ed\",\"password\":\"right\"}"));

        assertThat(out.status()).isEqualTo(403);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void namesBothMissingFieldsOfALogin() throws IOException {
        Renderer.Rendered out = session(FakeRequest.of("POST", "/").header("X-Requested-With", "fetch")
                .body("application/json", "{\"user\":\" \"}"));

        assertThat(out.status()).isEqualTo(400);
        assertThat(body(out).path("errors").findValuesAsText("field")).containsExactly("user", "password");
    }

    @Test
    void theCookieActsAsTheUserForReadsAndWritesWithTheCsrfHeader() {
        String cookie = cookieOf(session(login("ed", "right")));

        Renderer.Rendered read = api(FakeRequest.of("GET", "/members/RGT/actions").header("Cookie", cookie));
        assertThat(new String(read.body(), StandardCharsets.UTF_8)).contains("draft action");
        assertThat(read.header("Cache-Control")).isEqualTo("private, no-cache");

        Renderer.Rendered write = api(FakeRequest.of("POST", "/members/RGT/actions")
                .header("Cookie", "other=1; " + cookie).header("X-Requested-With", "fetch")
                .body("application/json", ACTION));
        assertThat(write.status()).isEqualTo(201);
        assertThat(campaign.writes).containsExactly("add action add action by cookie");
    }

    @Test
    void refusesACookieAuthenticatedWriteWithoutTheCsrfHeaderAndChangesNothing() {
        String cookie = cookieOf(session(login("ed", "right")));
        int writesBefore = campaign.writes.size();

        Renderer.Rendered write = api(FakeRequest.of("POST", "/members/RGT/actions")
                .header("Cookie", cookie).body("application/json", ACTION));

        assertThat(write.status()).isEqualTo(403);
        assertThat(new String(write.body(), StandardCharsets.UTF_8)).contains("X-Requested-With");
        assertThat(campaign.writes).hasSize(writesBefore);
    }

    @Test
    void anUnknownCookieIsAnonymousAndTheWebPagesGetASessionChallenge() {
        Renderer.Rendered read = api(FakeRequest.of("GET", "/members/RGT/actions")
                .header("Cookie", "safety_session=forged"));
        assertThat(new String(read.body(), StandardCharsets.UTF_8)).doesNotContain("draft action");

        Renderer.Rendered write = api(FakeRequest.of("POST", "/members/RGT/actions/1/publish")
                .header("Cookie", "safety_session=forged").header("X-Requested-With", "fetch")
                .header("If-Match", "\"2\""));
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.header("WWW-Authenticate")).isEqualTo("Session realm=\"Sign up to Safety\"");
    }

    @Test
    void basicCredentialsStillGetTheBasicChallengeWhenWrong() {
        Renderer.Rendered out = api(FakeRequest.of("GET", "/members").header("Authorization", "Basic eDp5"));

        assertThat(out.status()).isEqualTo(401);
        assertThat(out.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void saysWhoIsLoggedInAndNobodyAfterLogout() throws IOException {
        String cookie = cookieOf(session(login("ed", "right")));

        JsonNode who = body(session(FakeRequest.of("GET", "/").header("Cookie", cookie)));
        assertThat(who.path("authenticated").asBoolean()).isTrue();
        assertThat(who.path("user").asText()).isEqualTo("ed");
        assertThat(who.has("expiresAt")).isTrue();

        Renderer.Rendered out = session(FakeRequest.of("DELETE", "/").header("Cookie", cookie)
                .header("X-Requested-With", "fetch"));
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).isEqualTo("safety_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");

        JsonNode after = body(session(FakeRequest.of("GET", "/").header("Cookie", cookie)));
        assertThat(after.path("authenticated").asBoolean()).isFalse();
        assertThat(after.has("user")).isFalse();
    }

    @Test
    void aSessionWhoseUserWasDeletedActsAsAnonymousAndClearsTheCookie() {
        java.util.Map<String, Set<String>> realm = new java.util.concurrent.ConcurrentHashMap<>(
                java.util.Map.of("ed", ED.roles()));
        UserDirectory directory = user -> realm.containsKey(user) ? UserDirectory.Lookup.of(realm.get(user))
                : UserDirectory.Lookup.DELETED;
        SessionStore checked = new DatabaseSessionStore(TestWebTables.supplier(TestWebTables.h2()), Clock.systemUTC(),
                directory, Duration.ofMinutes(30),
                Duration.ofHours(8));
        RequestPipeline checkedPipeline = new RequestPipeline(authenticator, json, checked);
        SessionApi checkedSessions = new SessionApi(authenticator, checked, json);
        String cookie = cookieOf(checkedPipeline.process(login("ed", "right"), checkedSessions,
                () -> RestSettings.DEFAULTS));
        FakeRequest write = FakeRequest.of("POST", "/members/RGT/actions").header("Cookie", cookie)
                .header("X-Requested-With", "fetch").body("application/json", ACTION);

        realm.put("ed", Set.of("member-editor", "member:RGN"));
        Renderer.Rendered beyondNewRoles = checkedPipeline.process(write, api, () -> RestSettings.DEFAULTS);
        assertThat(beyondNewRoles.status()).isEqualTo(403);
        assertThat(beyondNewRoles.header("Set-Cookie")).isNull();

        realm.remove("ed");
        Renderer.Rendered deleted = checkedPipeline.process(write, api, () -> RestSettings.DEFAULTS);

        assertThat(deleted.status()).isEqualTo(401);
        assertThat(deleted.header("WWW-Authenticate")).isEqualTo("Session realm=\"Sign up to Safety\"");
        assertThat(deleted.header("Set-Cookie")).isEqualTo("safety_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        assertThat(campaign.writes).isEmpty();
    }
}
