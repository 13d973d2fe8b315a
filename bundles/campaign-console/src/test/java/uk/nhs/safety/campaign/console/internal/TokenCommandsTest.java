package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.partner.testkit.FakePartnerRegistry;

class TokenCommandsTest {

    private final FakeApiTokenService tokens = new FakeApiTokenService();

    private static String local(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault()).format(instant);
    }

    private final PartnerRegistry installed = new FakePartnerRegistry(
            new PartnerInfo("cqc", "Care Quality Commission", "1.0.0", "b", PartnerHealth.up()),
            new PartnerInfo("nhsla", "NHS Litigation Authority", "1.0.0", "b",
                    new PartnerHealth(PartnerHealth.Status.FAILED, "bundle b is not started (bundle:start 9)")));

    private ConsoleOutput create(String user, String partner, String label) throws Exception {
        return create(user, partner, label, false);
    }

    private ConsoleOutput create(String user, String partner, String label, boolean allowUnknown) throws Exception {
        TokenCreateCommand c = new TokenCreateCommand();
        c.apiTokenService = tokens;
        c.partnerRegistry = installed;
        c.in(FakeSession.of(user));
        c.partnerId = partner;
        c.label = label;
        c.allowUnknown = allowUnknown;
        return ConsoleOutput.run(c);
    }

    private ConsoleOutput list() throws Exception {
        TokenListCommand c = new TokenListCommand();
        c.apiTokenService = tokens;
        c.in(FakeSession.of("alice"));
        return ConsoleOutput.run(c);
    }

    private ConsoleOutput revoke(String id) throws Exception {
        TokenRevokeCommand c = new TokenRevokeCommand();
        c.apiTokenService = tokens;
        c.in(FakeSession.of("bob"));
        c.tokenId = id;
        return ConsoleOutput.run(c);
    }

    @Test
    void showsTheSecretOnceAloneOnItsLineWithAWarning() throws Exception {
        ConsoleOutput output = create("alice", "cqc", "CQC evidence sync");

        String secret = tokens.secrets.get(0);
        assertThat(tokens.calls).containsExactly("create alice cqc CQC evidence sync");
        assertThat(output.outLines()).contains("Secret: " + secret);
        assertThat(output.outLines()).filteredOn(l -> l.contains(secret)).containsExactly("Secret: " + secret);
        assertThat(output.out()).contains("API token 1", "partner cqc", "CQC evidence sync")
                .containsIgnoringCase("cannot be shown again");
        assertThat(output.err()).isEmpty();
    }

    @Test
    void createsATokenWithoutALabel() throws Exception {
        ConsoleOutput output = create("alice", "nhsla", null);

        assertThat(tokens.calls).containsExactly("create alice nhsla null");
        assertThat(output.outLines()).contains("Secret: " + tokens.secrets.get(0));
        assertThat(output.out()).doesNotContain("null");
    }

    @Test
    void reportsARefusedPartnerIdOnOneLineAndShowsNoSecret() throws Exception {
        ConsoleOutput output = create("alice", "CQC!", null, true);

        assertThat(output.errLines()).singleElement().asString()
                .startsWith("Error: partnerId 'CQC!': must be 2 to 40 lower-case letters");
        assertThat(output.out()).doesNotContain("Secret:");
        assertThat(tokens.stored).isEmpty();
    }

    @Test
    void refusesAPartnerThatIsNotInstalledListingTheInstalledOnesAndShowsNoSecret() throws Exception {
        ConsoleOutput output = create("alice", "acme", null);

        assertThat(output.errLines()).containsExactly("Error: partner-id 'acme': no such partner is installed"
                + " (installed: cqc, nhsla); check the id, or give --allow-unknown to create a token ahead of the"
                + " partner's install");
        assertThat(output.out()).doesNotContain("Secret:");
        assertThat(tokens.calls).isEmpty();
    }

    @Test
    void createsATokenAheadOfAPartnersInstallWhenAskedExplicitly() throws Exception {
        ConsoleOutput output = create("alice", "acme", "pilot", true);

        assertThat(tokens.calls).containsExactly("create alice acme pilot");
        assertThat(output.outLines()).contains("Secret: " + tokens.secrets.get(0));
    }

    @Test
    void createsATokenForAnInstalledPartnerThatIsNotRunning() throws Exception {
        create("alice", "nhsla", null);

        assertThat(tokens.calls).containsExactly("create alice nhsla null");
    }

    @Test
    void listsTokensWithoutTheirSecrets() throws Exception {
        create("alice", "cqc", "evidence");
        tokens.now = tokens.now.plus(Duration.ofDays(1));
        create("carol", "nhsla", null);
        ApiToken first = tokens.stored.get(0);
        tokens.stored.set(0, new ApiToken(first.id(), first.partnerId(), first.label(), first.createdAt(),
                first.createdBy(), Instant.parse("2015-04-03T10:15:30Z"), Instant.parse("2015-04-02T08:00:00Z")));

        ConsoleOutput output = list();

        assertThat(output.outLines().get(0)).contains("Id", "Partner", "Label", "Created", "By", "Last used",
                "Revoked");
        assertThat(output.row("1")).hasValue(List.of("1", "cqc", "evidence", local(first.createdAt()), "alice",
                local(Instant.parse("2015-04-02T08:00:00Z")), local(Instant.parse("2015-04-03T10:15:30Z"))));
        assertThat(output.row("2")).hasValue(List.of("2", "nhsla", "",
                local(tokens.stored.get(1).createdAt()), "carol", "", ""));
        assertThat(output.outLines()).filteredOn(l -> l.contains("nhsla") || l.contains("cqc"))
                .first().asString().contains("nhsla");
        for (String secret : tokens.secrets) {
            assertThat(output.out()).doesNotContain(secret).doesNotContain(secret.substring(4));
        }
    }

    @Test
    void saysSoWhenThereAreNoTokens() throws Exception {
        assertThat(list().out()).contains("no API tokens");
    }

    @Test
    void revokesATokenAsTheShellUser() throws Exception {
        create("alice", "cqc", "evidence");

        ConsoleOutput output = revoke("1");

        assertThat(tokens.calls).endsWith("revoke bob 1");
        assertThat(tokens.stored.get(0).revoked()).isTrue();
        assertThat(output.outLines()).containsExactly("Revoked API token 1 of partner cqc (evidence) at "
                + local(tokens.now) + ".");
    }

    @Test
    void saysWhenATokenWasAlreadyRevoked() throws Exception {
        create("alice", "cqc", null);
        revoke("1");
        Instant revokedAt = tokens.stored.get(0).revokedAt();
        tokens.now = tokens.now.plus(Duration.ofHours(3));

        ConsoleOutput output = revoke("1");

        assertThat(output.outLines()).containsExactly("API token 1 of partner cqc was already revoked at "
                + local(revokedAt) + "; nothing changed.");
    }

    @Test
    void reportsAnUnknownOrMalformedTokenId() throws Exception {
        assertThat(revoke("7").errLines()).containsExactly("Error: no API token 7");
        assertThat(revoke("seven").errLines()).containsExactly("Error: token-id 'seven': not a whole number");
        assertThat(tokens.calls).containsExactly("revoke bob 7");
    }

    @Test
    void completesInstalledPartnerIdsAndUnrevokedTokenIds() throws Exception {
        PartnerIdCompleter partners = new PartnerIdCompleter();
        partners.partnerRegistry = new FakePartnerRegistry(
                new PartnerInfo("cqc", "Care Quality Commission", "1.0.0", "b", PartnerHealth.up()),
                new PartnerInfo("nhsla", "NHS Litigation Authority", "1.0.0", "b", PartnerHealth.up()));
        List<String> partnerCandidates = new ArrayList<>();
        partners.complete(FakeSession.of("alice"), new FakeCommandLine("safety:token-create", "c"),
                partnerCandidates);

        create("alice", "cqc", null);
        create("alice", "cqc", null);
        revoke("1");
        TokenIdCompleter ids = new TokenIdCompleter();
        ids.apiTokenService = tokens;
        List<String> idCandidates = new ArrayList<>();
        ids.complete(FakeSession.of("alice"), new FakeCommandLine("safety:token-revoke", ""), idCandidates);

        assertThat(partnerCandidates).extracting(String::trim).containsExactly("cqc");
        assertThat(idCandidates).extracting(String::trim).containsExactly("2");
    }
}
