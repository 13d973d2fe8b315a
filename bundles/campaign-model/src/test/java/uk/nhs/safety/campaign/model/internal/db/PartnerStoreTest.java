package uk.nhs.safety.campaign.model.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class PartnerStoreTest {

    private static final String V1 = "CREATE TABLE nhsla_claim (ref VARCHAR(20) NOT NULL,"
            + " CONSTRAINT nhsla_claim_pk PRIMARY KEY (ref));\nCREATE INDEX nhsla_claim_ref ON nhsla_claim (ref);\n";

    private final TestDatabase db;
    private final PartnerStoreImpl store;
    private final Map<String, String> files = new HashMap<>(Map.of("index.txt", "V1__claims.sql\n",
            "V1__claims.sql", V1));

    PartnerStoreTest(TestDatabase db) {
        this.db = db;
        this.store = new PartnerStoreImpl(db.database, TestDatabase.CLOCK);
    }

    @StoreTest
    void migratesAPartnersTablesAndRecordsTheVersionsPerPartner() {
        long coreScripts = db.count("SELECT COUNT(*) FROM schema_version");
        PartnerDatabase nhsla = store.open("nhsla", source());

        assertThat(nhsla.schemaVersion()).isEqualTo(1);
        assertThat(nhsla.prefix()).isEqualTo("nhsla_");
        assertThat(nhsla.product()).isEqualTo(db.kind.name());
        assertThat(db.count("SELECT COUNT(*) FROM partner_schema_version WHERE partner_id = 'nhsla'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isZero();
        // Core's own migrations, however many the index lists (each helper of issue 12 adds one).
        assertThat(db.count("SELECT COUNT(*) FROM schema_version")).as("core's history is untouched")
                .isEqualTo(coreScripts);
    }

    @StoreTest
    void aNewerBundleAddsItsScriptsAndKeepsTheData() {
        store.open("nhsla", source()).inTransaction(c -> insert(c, "C1"));
        files.put("index.txt", "V1__claims.sql\nV2__status.sql\n");
        files.put("V2__status.sql", "ALTER TABLE nhsla_claim ADD COLUMN status VARCHAR(10);");

        PartnerDatabase upgraded = store.open("nhsla", source());

        assertThat(upgraded.schemaVersion()).isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim WHERE ref = 'C1' AND status IS NULL")).isEqualTo(1);
    }

    /** A version H2 cannot run as PostgreSQL runs it: a COLLATE clause, in PostgreSQL's variant only. */
    private void bytewiseVersion() {
        files.put("index.txt", "V1__claims.sql\nV2__bytewise.sql\n");
        files.put("V2__bytewise.sql", "-- H2 compares references by character code already\n");
        files.put("postgresql/V2__bytewise.sql",
                "ALTER TABLE nhsla_claim ALTER COLUMN ref TYPE VARCHAR(20) COLLATE \"C\";\n");
    }

    @StoreTest
    void aScriptsVariantForTheDatabaseRunsThereInsteadOfTheScript() {
        bytewiseVersion();

        PartnerDatabase nhsla = store.open("nhsla", source());

        assertThat(nhsla.schemaVersion()).isEqualTo(2);
        // On H2 the variant's COLLATE would be a syntax error: it ran on PostgreSQL only.
        assertThat(db.count("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'nhsla_claim'"
                + " AND column_name = 'ref' AND collation_name = 'C'"))
                .isEqualTo(db.kind.name().equals("PostgreSQL") ? 1 : 0);
        nhsla.inTransaction(c -> insert(c, "C1"));
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim WHERE ref = 'C1'")).isEqualTo(1);
    }

    @StoreTest
    void aVariantChangedAfterItWasAppliedIsAChangedScriptOnEveryDatabase() {
        bytewiseVersion();
        store.open("nhsla", source());
        files.put("postgresql/V2__bytewise.sql", files.get("postgresql/V2__bytewise.sql") + "-- edited\n");

        // The checksum covers the script and its variants, whichever one ran here.
        assertThatThrownBy(() -> store.open("nhsla", source())).isInstanceOf(CampaignException.class)
                .hasMessageContaining("partner nhsla").hasMessageContaining("V2__bytewise.sql");
    }

    @StoreTest
    void refusesAScriptThatNamesObjectsOutsideThePartnersPrefix() {
        files.put("V1__claims.sql", "CREATE TABLE claim (ref VARCHAR(20));\nINSERT INTO member (ods_code) VALUES ('X');");

        // The same text the partner test kit refuses the same script with (H2PartnerDatabaseTest).
        assertThatThrownBy(() -> store.open("nhsla", source())).isInstanceOf(CampaignException.class)
                .hasMessage("migration V1__claims.sql names claim, member: every object a partner creates or"
                        + " changes must be named with its prefix 'nhsla_'");
        assertThat(db.count("SELECT COUNT(*) FROM partner_schema_version")).isZero();
    }

    @StoreTest
    void refusesToOpenWhenAnAppliedScriptWasChanged() {
        store.open("nhsla", source());
        files.put("V1__claims.sql", V1 + "-- edited\n");

        assertThatThrownBy(() -> store.open("nhsla", source())).hasMessageContaining("partner nhsla")
                .hasMessageContaining("V1__claims.sql");
    }

    @StoreTest
    void refusesAMalformedPartnerId() {
        assertThatThrownBy(() -> store.open("NHS LA", source())).hasMessageContaining("partner id 'NHS LA'");
    }

    @StoreTest
    void aFailedUnitOfWorkLeavesTheTablesAsTheyWere() {
        PartnerDatabase nhsla = store.open("nhsla", source());

        assertThatThrownBy(() -> nhsla.inTransaction(c -> {
            insert(c, "C1");
            throw new ValidationException(new Violation(2, "reference", "C1", "duplicate"));
        })).isInstanceOf(ValidationException.class);

        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isZero();
    }

    @StoreTest
    void hyphenatedIdsUseUnderscoresInThePrefix() {
        files.put("V1__claims.sql", "CREATE TABLE my_body_thing (id INTEGER);");

        assertThat(store.open("my-body", source()).prefix()).isEqualTo("my_body_");
    }

    private static int insert(java.sql.Connection c, String ref) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO nhsla_claim (ref) VALUES (?)")) {
            ps.setString(1, ref);
            return ps.executeUpdate();
        }
    }

    private ScriptSource source() {
        Map<String, String> snapshot = Map.copyOf(files);
        return name -> snapshot.containsKey(name)
                ? new ByteArrayInputStream(snapshot.get(name).getBytes(StandardCharsets.UTF_8)) : null;
    }
}
