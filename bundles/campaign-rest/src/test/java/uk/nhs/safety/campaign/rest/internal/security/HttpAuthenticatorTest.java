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

import uk.nhs.safety.partner.testkit.TestPartnerDatabase;

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
        authenticator.apply(new HttpAuthenticator.Settings("ldap", 5, 50, 20, Duration.ofMinutes(5)));

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
    void limitsAnAddressTryingManyUserNamesAtTheHigherThreshold() throws Exception {
        realm.user("bob", "pw");
        for (int i = 0; i < 49; i++) {
            String user = "user" + i;
            refusal(() -> authenticator.authenticate(basic(user + ":x"), "10.0.0.66"));
        }
        // 49 failures spread over 49 user names: under the address's limit of 50, and no pair has more than one
        assertThat(authenticator.authenticate(basic("bob:pw"), "10.0.0.66").name()).isEqualTo("bob");
        refusal(() -> authenticator.authenticate(basic("user49:x"), "10.0.0.66"));

        AuthenticationException e = refusal(() -> authenticator.authenticate(basic("bob:pw"), "10.0.0.66"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfterSeconds()).isEqualTo(300);
        assertThat(authenticator.authenticate(basic("bob:pw"), "10.0.0.67").name()).isEqualTo("bob");
    }

    @Test
    void fiveFailuresOfOnePairDoNotStopOtherUsersAtThatAddress() throws Exception {
        realm.user("admin", "right", new RolePrincipal("admin"));
        realm.user("carol", "pw");
        for (int i = 0; i < 5; i++) {
            refusal(() -> authenticator.authenticate(basic("admin:wrong"), "10.0.0.8"));
        }

        assertThat(refusal(() -> authenticator.authenticate(basic("admin:right"), "10.0.0.8")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
        assertThat(authenticator.authenticate(basic("carol:pw"), "10.0.0.8").name()).isEqualTo("carol");
    }

    @Test
    void aUserNameTriedFromManyAddressesIsNeverLockedOut() throws Exception {
        realm.user("admin", "right", new RolePrincipal("admin"));
        // An attacker keeps failing as admin from 200 addresses, five times each (each pair at its limit).
        for (int i = 0; i < 200; i++) {
            String address = "10.1." + (i / 100) + "." + (i % 100);
            for (int j = 0; j < 5; j++) {
                refusal(() -> authenticator.authenticate(basic("admin:wrong"), address));
            }
        }

        assertThat(authenticator.authenticate(basic("admin:right"), "192.168.0.10").admin()).isTrue();
    }

    @Test
    void aSuccessfulLoginDoesNotClearTheAddressesFailures() throws Exception {
        realm.user("mallory", "known");
        for (int i = 0; i < 49; i++) {
            String user = "victim" + i;
            refusal(() -> authenticator.authenticate(basic(user + ":x"), "10.0.0.9"));
        }
        authenticator.authenticate(basic("mallory:known"), "10.0.0.9");

        refusal(() -> authenticator.authenticate(basic("victim49:x"), "10.0.0.9"));

        assertThat(refusal(() -> authenticator.authenticate(basic("mallory:known"), "10.0.0.9")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
    }

    @Test
    void aSuccessfulLoginClearsThatPairsOwnFailures() throws Exception {
        realm.user("alice", "s3cret");
        for (int i = 0; i < 4; i++) {
            refusal(() -> authenticator.authenticate(basic("alice:typo"), "10.0.2.1"));
        }
        authenticator.authenticate(basic("alice:s3cret"), "10.0.2.1");
        for (int i = 0; i < 4; i++) {
            refusal(() -> authenticator.authenticate(basic("alice:typo"), "10.0.2.1"));
        }

        // 8 failures in the window, but only 4 since the success
        assertThat(authenticator.authenticate(basic("alice:s3cret"), "10.0.2.1").name()).isEqualTo("alice");
    }

    @Test
    void aValidTokenIsAcceptedFromAnAddressThrottledForPasswords() throws Exception {
        realm.user("bob", "pw");
        tokens.add("sts_good", "cqc", false);
        for (int i = 0; i < 50; i++) {
            String user = "user" + i;
            refusal(() -> authenticator.authenticate(basic(user + ":x"), "10.0.0.5"));
        }
        assertThat(refusal(() -> authenticator.authenticate(basic("bob:pw"), "10.0.0.5")).reason())
                .isEqualTo(Reason.RATE_LIMITED);

        assertThat(authenticator.authenticate("Bearer sts_good", "10.0.0.5").partnerId()).contains("cqc");
    }

    @Test
    void garbageCredentialsCountAgainstTheAddressesPasswordLogins() throws Exception {
        realm.user("bob", "pw");
        tokens.add("sts_good", "cqc", false);
        for (int i = 0; i < 25; i++) {
            refusal(() -> authenticator.authenticate("Basic %%%", "10.0.0.7"));
            refusal(() -> authenticator.authenticate("Digest x", "10.0.0.7"));
        }

        assertThat(refusal(() -> authenticator.authenticate(basic("bob:pw"), "10.0.0.7")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
        assertThat(authenticator.authenticate("Bearer sts_good", "10.0.0.7").partnerId()).contains("cqc");
    }

    @Test
    void badTokensAreThrottledPerAddressWithoutTouchingPasswordLogins() throws Exception {
        realm.user("bob", "pw");
        tokens.add("sts_good", "cqc", false);
        for (int i = 0; i < 19; i++) {
            String guess = "Bearer sts_guess" + i;
            refusal(() -> authenticator.authenticate(guess, "10.0.0.5"));
        }
        refusal(() -> authenticator.authenticate("Bearer %%%", "10.0.0.5"));

        AuthenticationException e = refusal(() -> authenticator.authenticate("Bearer sts_guess", "10.0.0.5"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.getMessage()).contains("API token");
        // 19 well-formed guesses were looked up; the malformed one and the throttled one never were
        assertThat(tokens.presented).hasSize(19);
        assertThat(authenticator.authenticate(basic("bob:pw"), "10.0.0.5").name()).isEqualTo("bob");
        assertThat(authenticator.authenticate("Bearer sts_good", "10.0.0.6").partnerId()).contains("cqc");
        clock.advance(Duration.ofSeconds(300));
        assertThat(authenticator.authenticate("Bearer sts_good", "10.0.0.5").partnerId()).contains("cqc");
    }

    @Test
    void failedLoginsOnTwoNodesCountTogether() throws Exception {
        realm.user("alice", "s3cret");
        TestPartnerDatabase shared = TestWebTables.h2();
        HttpAuthenticator nodeA = new HttpAuthenticator(tokens, realm, clock, HttpAuthenticator.Settings.DEFAULTS,
                TestWebTables.supplier(shared));
        HttpAuthenticator nodeB = new HttpAuthenticator(tokens, realm, clock, HttpAuthenticator.Settings.DEFAULTS,
                TestWebTables.supplier(shared));
        for (int i = 0; i < 3; i++) {
            refusal(() -> nodeA.authenticate(basic("alice:wrong"), "10.0.0.1"));
        }
        for (int i = 0; i < 2; i++) {
            refusal(() -> nodeB.authenticate(basic("alice:wrong"), "10.0.0.1"));
        }

        // 3 + 2 = 5 failures of the pair: the limit, on either node, for the whole 300 s window
        AuthenticationException refused = refusal(() -> nodeA.authenticate(basic("alice:s3cret"), "10.0.0.1"));
        assertThat(refused.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).isEqualTo(300);
        assertThat(refusal(() -> nodeB.authenticate(basic("alice:s3cret"), "10.0.0.1")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
        // another address is not affected
        assertThat(nodeB.authenticate(basic("alice:s3cret"), "10.0.0.2").name()).isEqualTo("alice");
    }

    @Test
    void appliesNewLimitsLive() throws Exception {
        realm.user("alice", "s3cret");
        authenticator.apply(new HttpAuthenticator.Settings("karaf", 2, 50, 20, Duration.ofSeconds(60)));
        refusal(() -> authenticator.authenticate(basic("alice:wrong"), "10.0.0.1"));
        refusal(() -> authenticator.authenticate(basic("alice:wrong"), "10.0.0.1"));

        assertThat(refusal(() -> authenticator.authenticate(basic("alice:s3cret"), "10.0.0.1")).retryAfterSeconds())
                .isEqualTo(60);
    }

    @Test
    void appliesANewAddressLimitLive() throws Exception {
        realm.user("bob", "pw");
        authenticator.apply(new HttpAuthenticator.Settings("karaf", 5, 3, 20, Duration.ofSeconds(60)));
        for (int i = 0; i < 3; i++) {
            String user = "user" + i;
            refusal(() -> authenticator.authenticate(basic(user + ":x"), "10.0.0.1"));
        }

        assertThat(refusal(() -> authenticator.authenticate(basic("bob:pw"), "10.0.0.1")).reason())
                .isEqualTo(Reason.RATE_LIMITED);
    }

    // ---- configuration -------------------------------------------------------------------------------------------

    @Test
    void replacesNonsensicalConfigurationByTheDefaults() {
        HttpAuthenticator.Settings settings = HttpAuthenticator.Settings.from(config(" ", 0, 0, -1, -5));

        assertThat(settings).isEqualTo(HttpAuthenticator.Settings.DEFAULTS);
        assertThat(HttpAuthenticator.Settings.from(config(" ldap ", 3, 30, 10, 60)))
                .isEqualTo(new HttpAuthenticator.Settings("ldap", 3, 30, 10, Duration.ofSeconds(60)));
    }

    @Test
    void defaultsAreFivePerPairFiftyPerAddressTwentyBadTokensInFiveMinutes() {
        assertThat(HttpAuthenticator.Settings.DEFAULTS)
                .isEqualTo(new HttpAuthenticator.Settings("karaf", 5, 50, 20, Duration.ofMinutes(5)));
    }

    @SuppressWarnings("all")
    private static HttpAuthenticator.Config config(String realm, int max, int addressMax, int tokenMax,
                                                   long window) {
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
            public int addressMaxFailures() {
                return addressMax;
            }

            @Override
            public int tokenMaxFailures() {
                return tokenMax;
            }

            @Override
            public long windowSeconds() {
                return window;
            }
        };
    }
}
