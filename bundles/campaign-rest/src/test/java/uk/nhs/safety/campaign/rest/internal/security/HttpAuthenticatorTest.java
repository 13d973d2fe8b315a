package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;
import uk.nhs.safety.campaign.api.access.IssuedToken;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException.Reason;

class HttpAuthenticatorTest {

    /** A realm of users with passwords and principals, as Karaf's properties login module would answer. */
    private static final class FakeRealm implements PasswordCheck {
        final Map<String, String> passwords = new HashMap<>();
        final Map<String, Set<Principal>> principals = new HashMap<>();
        final List<String> checks = new ArrayList<>();

        void user(String name, String password, Principal... extra) {
            passwords.put(name, password);
            Set<Principal> all = new java.util.HashSet<>(List.of(extra));
            all.add(new UserPrincipal(name));
            principals.put(name, all);
        }

        @Override
        public Optional<Set<Principal>> check(String realm, String user, char[] password) {
            checks.add(realm + " " + user);
            return new String(password).equals(passwords.get(user)) ? Optional.of(principals.get(user))
                    : Optional.empty();
        }
    }

    /** Tokens by secret, honouring revocation as the contract says. */
    private static final class FakeTokens implements ApiTokenService {
        final Map<String, ApiToken> bySecret = new HashMap<>();
        final List<String> presented = new ArrayList<>();

        void add(String secret, String partner, boolean revoked) {
            Instant created = Instant.parse("2015-04-01T09:00:00Z");
            bySecret.put(secret, new ApiToken(bySecret.size() + 1L, partner, null, created, "admin",
                    revoked ? created.plusSeconds(60) : null, null));
        }

        @Override
        public IssuedToken create(String actor, String partnerId, String label) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ApiToken revoke(String actor, long tokenId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiToken> tokens() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ApiToken> authenticate(String secret) {
            presented.add(secret);
            return Optional.ofNullable(bySecret.get(secret)).filter(t -> !t.revoked());
        }
    }

    private final TestClock clock = new TestClock();
    private final FakeRealm realm = new FakeRealm();
    private final FakeTokens tokens = new FakeTokens();
    private final HttpAuthenticator authenticator = new HttpAuthenticator(tokens, realm, clock,
            HttpAuthenticator.Settings.DEFAULTS);

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static AuthenticationException refusal(ThrowingCall call) {
        try {
            call.run();
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError("expected an AuthenticationException");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws AuthenticationException;
    }

    // ---- anonymous and Basic -------------------------------------------------------------------------------------

    @Test
    void noHeaderIsAnonymous() throws Exception {
        assertThat(authenticator.authenticate(null, "10.0.0.1")).isEqualTo(Caller.ANONYMOUS);
        assertThat(realm.checks).isEmpty();
    }

    @Test
    void basicCallerGetsTheRealmsRolePrincipalsOnly() throws Exception {
        realm.user("alice", "s3cret", new GroupPrincipal("editors"), new RolePrincipal("member-editor"),
                new RolePrincipal("member:RGT"));

        Caller caller = authenticator.authenticate(basic("alice:s3cret"), "10.0.0.1");

        assertThat(caller.name()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactlyInAnyOrder("member-editor", "member:RGT");
        assertThat(caller.mayEdit("rgt")).isTrue();
        assertThat(realm.checks).containsExactly("karaf alice");
    }

    @Test
    void readsTheSchemeInAnyCaseAndAPasswordContainingColons() throws Exception {
        realm.user("bob", "a:b:c", new RolePrincipal("operator"));

        Caller caller = authenticator.authenticate("bAsIc  " + basic("bob:a:b:c").substring(6), "10.0.0.1");

        assertThat(caller.roles()).containsExactly("operator");
    }

    @Test
    void acceptsNonAsciiUserNamesAndPasswordsInUtf8() throws Exception {
        realm.user("zoë", "pässwörd", new RolePrincipal("admin"));

        assertThat(authenticator.authenticate(basic("zoë:pässwörd"), "10.0.0.1").admin()).isTrue();
    }

    @Test
    void refusesAWrongPassword() {
        realm.user("alice", "s3cret", new RolePrincipal("admin"));

        AuthenticationException e = refusal(() -> authenticator.authenticate(basic("alice:guess"), "10.0.0.1"));

        assertThat(e.reason()).isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(e.getMessage()).doesNotContain("guess");
    }

    @Test
    void refusesMalformedBasicCredentialsWithoutAskingTheRealm() {
        realm.user("alice", "s3cret");
        String notUtf8 = "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xC3, 0x28});
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("Basic !!!", "malformed Authorization header");
        cases.put("Basic YWxpY", "not base64");
        cases.put("Basic a+b/c-d_", "not base64");
        cases.put(basic("alice"), "no ':'");
        cases.put(basic(":s3cret"), "empty user name");
        cases.put(basic("   :s3cret"), "empty user name");
        cases.put(notUtf8, "not UTF-8");
        cases.put("Basic", "malformed Authorization header");
        cases.put("", "malformed Authorization header");
        cases.put("Digest username=\"alice\"", "malformed Authorization header");
        cases.put("Negotiate YWxpY2U=", "unsupported authorization scheme");

        cases.forEach((header, message) -> {
            AuthenticationException e = refusal(() -> authenticator.authenticate(header, "10.0.3." + header.hashCode()));
            assertThat(e.reason()).as(header).isEqualTo(Reason.BAD_CREDENTIALS);
            assertThat(e.getMessage()).as(header).contains(message);
        });
        assertThat(realm.checks).isEmpty();
    }

    @Test
    void refusesAnOverlongUserNameWithoutAskingTheRealm() {
        String user = "u".repeat(HttpAuthenticator.USER_MAX + 1);

        AuthenticationException e = refusal(() -> authenticator.authenticate(basic(user + ":x"), "10.0.0.1"));

        assertThat(e.reason()).isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(realm.checks).isEmpty();
    }

    @Test
    void usesTheConfiguredRealm() throws Exception {
        realm.user("alice", "s3cret");
        authenticator.apply(new HttpAuthenticator.Settings("ldap", 5, Duration.ofMinutes(5)));

        authenticator.authenticate(basic("alice:s3cret"), "10.0.0.1");

        assertThat(realm.checks).containsExactly("ldap alice");
    }

    @Test
    void logsAFailedLoginWithUserAndAddressButNeverThePassword() {
        realm.user("alice", "s3cret");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            refusal(() -> authenticator.authenticate(basic("alice:Tr0ub4dor&3"), "192.0.2.7"));
            refusal(() -> authenticator.authenticate(basic("mallory\nINFO forged line:pw"), "192.0.2.8"));
        } finally {
            System.setErr(old);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN").contains("alice").contains("192.0.2.7").doesNotContain("Tr0ub4dor");
        assertThat(log).contains("mallory?INFO forged line").doesNotContain("mallory\nINFO");
    }

    // ---- Bearer --------------------------------------------------------------------------------------------------

    @Test
    void bearerTokenActsForItsPartner() throws Exception {
        tokens.add("sts_cqcSecret-_1", "cqc", false);

        Caller caller = authenticator.authenticate("Bearer sts_cqcSecret-_1", "10.0.0.1");

        assertThat(caller.name()).isEqualTo("partner:cqc");
        assertThat(caller.roles()).containsExactlyInAnyOrder("partner", "partner:cqc");
        assertThat(caller.partnerId()).hasValue("cqc");
        assertThat(caller.admin()).isFalse();
        assertThat(caller.operator()).isFalse();
    }

    @Test
    void refusesARevokedOrUnknownToken() {
        tokens.add("sts_revoked", "cqc", true);

        assertThat(refusal(() -> authenticator.authenticate("Bearer sts_revoked", "10.0.0.1")).reason())
                .isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(refusal(() -> authenticator.authenticate("bearer sts_unknown", "10.0.0.1")).reason())
                .isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(tokens.presented).containsExactly("sts_revoked", "sts_unknown");
    }

    @Test
    void refusesAMalformedBearerWithoutLookingItUp() {
        assertThat(refusal(() -> authenticator.authenticate("Bearer ", "10.0.0.1")).reason())
                .isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(refusal(() -> authenticator.authenticate("Bearer two words", "10.0.0.2")).reason())
                .isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(tokens.presented).isEmpty();
    }

    @Test
    void saysSoWhenTheTokenStoreIsUnavailable() {
        HttpAuthenticator withoutStore = new HttpAuthenticator(null, realm, clock, HttpAuthenticator.Settings.DEFAULTS);

        assertThatThrownBy(() -> withoutStore.authenticate("Bearer sts_x", "10.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("token store");
    }

    // ---- throttling ----------------------------------------------------------------------------------------------

    @Test
    void refusesTheSixthAttemptAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
        realm.user("alice", "s3cret", new RolePrincipal("admin"));
        for (int i = 0; i < 5; i++) {
            assertThat(refusal(() -> authenticator.authenticate(basic("alice:wrong"), "10.0.0.1")).reason())
                    .isEqualTo(Reason.BAD_CREDENTIALS);
        }
        int checksBefore = realm.checks.size();

        AuthenticationException e = refusal(() -> authenticator.authenticate(basic("alice:s3cret"), "10.0.0.1"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfterSeconds()).isEqualTo(300);
        assertThat(realm.checks).hasSize(checksBefore);
    }

    @Test
    void allowsLoginAgainOnceTheWindowHasPassed() throws Exception {
        realm.user("alice", "s3cret", new RolePrincipal("admin"));
        for (int i = 0; i < 5; i++) {
            refusal(() -> authenticator.authenticate(basic("alice:wrong"), "10.0.0.1"));
        }
        clock.advance(Duration.ofSeconds(120));
        assertThat(refusal(() -> authenticator.authenticate(basic("alice:s3cret"), "10.0.0.1")).retryAfterSeconds())
                .isEqualTo(180);

        clock.advance(Duration.ofSeconds(180));

        assertThat(authenticator.authenticate(basic("alice:s3cret"), "10.0.0.1").admin()).isTrue();
    }

    @Test
    void limitsAnAddressTryingManyUserNames() throws Exception {
        realm.user("bob", "pw");
        for (int i = 0; i < 5; i++) {
            String user = "user" + i;
            refusal(() -> authenticator.authenticate(basic(user + ":x"), "10.0.0.66"));
        }

        assertThat(refusal(() -> authenticator.authenticate(basic("bob:pw"), "10.0.0.66")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
        assertThat(authenticator.authenticate(basic("bob:pw"), "10.0.0.67").name()).isEqualTo("bob");
    }

    @Test
    void limitsAUserNameTriedFromManyAddresses() throws Exception {
        realm.user("alice", "s3cret");
        realm.user("carol", "pw");
        for (int i = 1; i <= 5; i++) {
            String address = "10.0.1." + i;
            refusal(() -> authenticator.authenticate(basic("alice:wrong"), address));
        }

        assertThat(refusal(() -> authenticator.authenticate(basic("alice:s3cret"), "10.0.1.99")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
        // each address has only one failure: other users from them are not affected
        assertThat(authenticator.authenticate(basic("carol:pw"), "10.0.1.1").name()).isEqualTo("carol");
    }

    @Test
    void aSuccessfulLoginDoesNotClearTheAddressesFailures() throws Exception {
        realm.user("mallory", "known");
        for (int i = 0; i < 4; i++) {
            String user = "victim" + i;
            refusal(() -> authenticator.authenticate(basic(user + ":x"), "10.0.0.9"));
        }
        authenticator.authenticate(basic("mallory:known"), "10.0.0.9");

        refusal(() -> authenticator.authenticate(basic("victim4:x"), "10.0.0.9"));

        assertThat(refusal(() -> authenticator.authenticate(basic("mallory:known"), "10.0.0.9")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
    }

    @Test
    void aSuccessfulLoginClearsThatUsersOwnFailures() throws Exception {
        realm.user("alice", "s3cret");
        for (int i = 1; i <= 4; i++) {
            String address = "10.0.2." + i;
            refusal(() -> authenticator.authenticate(basic("alice:typo"), address));
        }
        authenticator.authenticate(basic("alice:s3cret"), "10.0.2.50");
        for (int i = 5; i <= 8; i++) {
            String address = "10.0.2." + i;
            refusal(() -> authenticator.authenticate(basic("alice:typo"), address));
        }

        assertThat(authenticator.authenticate(basic("alice:s3cret"), "10.0.2.51").name()).isEqualTo("alice");
    }

    @Test
    void countsBadTokensAndGarbageAgainstTheAddress() throws Exception {
        realm.user("bob", "pw");
        for (int i = 0; i < 3; i++) {
            refusal(() -> authenticator.authenticate("Bearer sts_guess", "10.0.0.5"));
        }
        refusal(() -> authenticator.authenticate("Basic %%%", "10.0.0.5"));
        refusal(() -> authenticator.authenticate("Digest x", "10.0.0.5"));

        assertThat(refusal(() -> authenticator.authenticate(basic("bob:pw"), "10.0.0.5")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
        AuthenticationException token = refusal(() -> authenticator.authenticate("Bearer sts_guess", "10.0.0.5"));
        assertThat(token.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(tokens.presented).hasSize(3);
    }

    @Test
    void appliesNewLimitsLive() throws Exception {
        realm.user("alice", "s3cret");
        authenticator.apply(new HttpAuthenticator.Settings("karaf", 2, Duration.ofSeconds(60)));
        refusal(() -> authenticator.authenticate(basic("alice:wrong"), "10.0.0.1"));
        refusal(() -> authenticator.authenticate(basic("alice:wrong"), "10.0.0.1"));

        assertThat(refusal(() -> authenticator.authenticate(basic("alice:s3cret"), "10.0.0.1")).retryAfterSeconds())
                .isEqualTo(60);
    }

    // ---- configuration -------------------------------------------------------------------------------------------

    @Test
    void replacesNonsensicalConfigurationByTheDefaults() {
        HttpAuthenticator.Settings settings = HttpAuthenticator.Settings.from(config(" ", 0, -5));

        assertThat(settings).isEqualTo(HttpAuthenticator.Settings.DEFAULTS);
        assertThat(HttpAuthenticator.Settings.from(config(" ldap ", 3, 60)))
                .isEqualTo(new HttpAuthenticator.Settings("ldap", 3, Duration.ofSeconds(60)));
    }

    @Test
    void defaultsAreKarafRealmFiveFailuresInFiveMinutes() {
        assertThat(HttpAuthenticator.Settings.DEFAULTS)
                .isEqualTo(new HttpAuthenticator.Settings("karaf", 5, Duration.ofMinutes(5)));
    }

    @SuppressWarnings("all")
    private static HttpAuthenticator.Config config(String realm, int max, long window) {
        return new HttpAuthenticator.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return HttpAuthenticator.Config.class;
            }

            @Override
            public String realm() {
                return realm;
            }

            @Override
            public int maxFailures() {
                return max;
            }

            @Override
            public long windowSeconds() {
                return window;
            }
        };
    }
}
