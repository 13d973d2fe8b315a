package uk.nhs.safety.campaign.model.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.IssuedToken;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;
import uk.nhs.safety.campaign.model.internal.testing.FailingCommits;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class ApiTokenServiceTest {

    /** A clock the test moves on by hand. */
    private static final class SteppingClock extends Clock {
        private Instant now = TestDatabase.CLOCK.instant();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final TestDatabase store;
    private final SteppingClock clock = new SteppingClock();
    private final ApiTokenServiceImpl tokens;

    ApiTokenServiceTest(TestDatabase store) {
        this.store = store;
        this.tokens = new ApiTokenServiceImpl(store.database, clock);
    }

    @StoreTest
    void issuesAPrefixedSecretOf32RandomBytes() {
        IssuedToken issued = tokens.create("admin", "cqc", "CQC evidence sync");

        assertThat(issued.secret()).startsWith("sts_").matches("sts_[A-Za-z0-9_-]+");
        byte[] raw = Base64.getUrlDecoder().decode(issued.secret().substring("sts_".length()));
        assertThat(raw).hasSize(32);
        assertThat(issued.token().partnerId()).isEqualTo("cqc");
        assertThat(issued.token().label()).isEqualTo("CQC evidence sync");
        assertThat(issued.token().createdBy()).isEqualTo("admin");
        assertThat(issued.token().createdAt()).isEqualTo(clock.instant());
        assertThat(issued.token().revokedAt()).isNull();
        assertThat(issued.token().lastUsed()).isNull();
        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @StoreTest
    void issuesADifferentSecretEachTime() {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            secrets.add(tokens.create("admin", "cqc", null).secret());
        }

        assertThat(secrets).doesNotHaveDuplicates();
    }

    @StoreTest
    void storesOnlyTheSha256OfTheSecret() throws Exception {
        IssuedToken issued = tokens.create("admin", "nhsla", "claims");
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(issued.secret().getBytes(StandardCharsets.UTF_8)));

        List<String> row = row("SELECT * FROM api_token WHERE id = " + issued.token().id());

        assertThat(row).contains(expectedHash);
        assertThat(row).noneMatch(cell -> cell != null && cell.contains(issued.secret().substring(4)));
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE detail LIKE ?",
                "%" + issued.secret().substring(4) + "%")).isZero();
    }

    @StoreTest
    void authenticatesItsSecretAndRecordsTheLastUse() {
        IssuedToken issued = tokens.create("admin", "cqc", null);
        clock.advance(Duration.ofMinutes(5));

        Optional<ApiToken> found = tokens.authenticate(issued.secret());

        Instant fiveMinutesLater = TestDatabase.CLOCK.instant().plus(Duration.ofMinutes(5));
        assertThat(found).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo(issued.token().id());
            assertThat(t.partnerId()).isEqualTo("cqc");
            assertThat(t.lastUsed()).isEqualTo(fiveMinutesLater);
        });
        assertThat(tokens.tokens()).singleElement().extracting(ApiToken::lastUsed).isEqualTo(fiveMinutesLater);
    }

    @StoreTest
    void findsNoTokenForAnUnknownOrAlteredSecret() {
        IssuedToken issued = tokens.create("admin", "cqc", null);
        String secret = issued.secret();
        char last = secret.charAt(secret.length() - 1);
        String altered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(tokens.authenticate(altered)).isEmpty();
        assertThat(tokens.authenticate(secret + "x")).isEmpty();
        assertThat(tokens.authenticate("sts_" + "A".repeat(43))).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("x".repeat(10_000))).isEmpty();
        assertThat(tokens.tokens()).singleElement().extracting(ApiToken::lastUsed).isNull();
    }

    @StoreTest
    void refusesARevokedToken() {
        IssuedToken issued = tokens.create("admin", "cqc", null);
        assertThat(tokens.authenticate(issued.secret())).isPresent();
        clock.advance(Duration.ofHours(1));

        ApiToken revoked = tokens.revoke("alice", issued.token().id());

        assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
    }

    @StoreTest
    void revokingARevokedTokenChangesNothing() {
        IssuedToken issued = tokens.create("admin", "cqc", null);
        ApiToken first = tokens.revoke("alice", issued.token().id());
        long auditRows = store.auditRows();
        clock.advance(Duration.ofDays(1));

        ApiToken second = tokens.revoke("bob", issued.token().id());

        assertThat(second).isEqualTo(first);
        assertThat(store.auditRows()).isEqualTo(auditRows);
    }

    @StoreTest
    void refusesToRevokeAnUnknownToken() {
        assertThatThrownBy(() -> tokens.revoke("alice", 42)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("42");
        assertThat(store.auditRows()).isZero();
    }

    @StoreTest
    void auditsCreationAndRevocationCampaignWide() {
        IssuedToken issued = tokens.create("admin", "cqc", "evidence");
        tokens.revoke("alice", issued.token().id());
        String subject = "token " + issued.token().id();

        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action = 'token.created' AND actor = 'admin'"
                + " AND ods_code IS NULL AND subject = ? AND detail LIKE '%cqc%'", subject)).isEqualTo(1);
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action = 'token.revoked' AND actor = 'alice'"
                + " AND ods_code IS NULL AND subject = ?", subject)).isEqualTo(1);
    }

    @StoreTest
    void listsEveryTokenNewestFirstRevokedOnesIncluded() {
        IssuedToken a = tokens.create("admin", "cqc", "one");
        IssuedToken b = tokens.create("admin", "nhsla", "two");
        IssuedToken c = tokens.create("admin", "nhsi", "three");
        tokens.revoke("admin", b.token().id());

        List<ApiToken> listed = tokens.tokens();

        assertThat(listed).extracting(ApiToken::id)
                .containsExactly(c.token().id(), b.token().id(), a.token().id());
        assertThat(listed).extracting(ApiToken::revoked).containsExactly(false, true, false);
    }

    @StoreTest
    void refusesAMalformedPartnerIdOrLongLabelAndStoresNothing() {
        for (String bad : new String[] {"CQC", "c", "-cqc", "cq c", "cqc_1", "a".repeat(41), " ", null}) {
            assertThatThrownBy(() -> tokens.create("admin", bad, null))
                    .as("partner id %s", bad)
                    .asInstanceOf(type(ValidationException.class))
                    .extracting(e -> e.violations().stream().map(Violation::field).toList()).asList()
                    .containsExactly("partnerId");
        }
        assertThatThrownBy(() -> tokens.create("", "cqc", "x".repeat(101)))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().stream().map(Violation::field).toList()).asList()
                .containsExactlyInAnyOrder("actor", "label");
        assertThat(store.count("SELECT COUNT(*) FROM api_token")).isZero();
        assertThat(store.auditRows()).isZero();
    }

    @StoreTest
    void acceptsTheLongestPartnerIdAndLabel() {
        String id = "a" + "-".repeat(38) + "9";
        String label = "l".repeat(100);

        IssuedToken issued = tokens.create("admin", id, label);

        assertThat(issued.token().partnerId()).isEqualTo(id).hasSize(40);
        assertThat(issued.token().label()).isEqualTo(label);
    }

    @StoreTest
    void aCreationThatFailsToCommitLeavesNoTokenAndNoAuditRow() {
        FailingCommits failing = new FailingCommits(store.dataSource);
        ApiTokenServiceImpl failingTokens = new ApiTokenServiceImpl(
                new Database(failing.dataSource, Migrations.bundled(TestDatabase.CLOCK)), clock);
        failing.failFromNowOn();

        assertThatThrownBy(() -> failingTokens.create("admin", "cqc", null)).isInstanceOf(CampaignException.class)
                .hasMessageContaining("disk full (simulated)");
        assertThat(store.count("SELECT COUNT(*) FROM api_token")).isZero();
        assertThat(store.auditRows()).isZero();
    }

    private List<String> row(String sql) throws Exception {
        try (Connection c = store.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                cells.add(rs.getString(i));
            }
            return cells;
        }
    }
}
