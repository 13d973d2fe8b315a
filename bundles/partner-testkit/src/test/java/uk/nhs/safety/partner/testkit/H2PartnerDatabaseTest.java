package uk.nhs.safety.partner.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

class H2PartnerDatabaseTest {

    private static ScriptSource scripts(Map<String, String> files) {
        return name -> files.containsKey(name)
                ? new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8)) : null;
    }

    private static final ScriptSource TWO = scripts(Map.of(
            "index.txt", "# the partner's scripts\nV1__t.sql\nV2__u.sql\n",
            "V1__t.sql", "-- a table\nCREATE TABLE demo_t (id INT PRIMARY KEY);\n",
            "V2__u.sql", "ALTER TABLE demo_t ADD COLUMN name VARCHAR(10);\nINSERT INTO demo_t VALUES (1, 'one');"));

    @Test
    void runsEveryIndexedScriptInOrder() {
        H2PartnerDatabase db = new H2PartnerDatabase("demo", TWO);

        assertThat(db.schemaVersion()).isEqualTo(2);
        assertThat(db.prefix()).isEqualTo("demo_");
        assertThat(db.count("SELECT COUNT(*) FROM demo_t WHERE name = 'one'")).isEqualTo(1);
    }

    @Test
    void runsTheScriptItselfWhereOnlyPostgresqlHasAVariant() {
        H2PartnerDatabase db = new H2PartnerDatabase("demo", scripts(Map.of("index.txt", "V1__t.sql\n",
                "V1__t.sql", "CREATE TABLE demo_t (code VARCHAR(8) PRIMARY KEY);",
                "postgresql/V1__t.sql", "CREATE TABLE demo_t (code VARCHAR(8) COLLATE \"C\" PRIMARY KEY);")));

        assertThat(db.schemaVersion()).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM demo_t")).isZero();
    }

    @Test
    void rollsBackWorkThatThrowsAndCommitsWorkThatReturns() {
        H2PartnerDatabase db = new H2PartnerDatabase("demo", TWO);

        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO demo_t VALUES (2, 'two')");
            }
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO demo_t VALUES (3, 'three')");
            }
        });

        assertThat(db.count("SELECT COUNT(*) FROM demo_t")).isEqualTo(2);
    }

    @Test
    void eachInstanceIsItsOwnDatabase() {
        H2PartnerDatabase one = new H2PartnerDatabase("demo", TWO);
        one.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM demo_t"));

        assertThat(new H2PartnerDatabase("demo", TWO).count("SELECT COUNT(*) FROM demo_t")).isEqualTo(1);
    }

    @Test
    void aMissingOrFailingScriptIsNamed() {
        assertThatThrownBy(() -> new H2PartnerDatabase("demo", scripts(Map.of("index.txt", "V1__x.sql"))))
                .hasMessage("no script V1__x.sql");
        assertThatThrownBy(() -> new H2PartnerDatabase("demo", scripts(Map.of("index.txt", "V1__x.sql",
                "V1__x.sql", "CREATE TABLE demo_x (id INT); CREATE TABLE demo_x (id INT);"))))
                .hasMessageStartingWith("V1__x.sql: ");
    }

    @Test
    void refusesAScriptNamingObjectsOutsideThePrefixAsCoreDoes() {
        ScriptSource outside = scripts(Map.of("index.txt", "V1__claims.sql",
                "V1__claims.sql", "CREATE TABLE claim (ref VARCHAR(20));\nINSERT INTO member (ods_code) VALUES ('X');"));

        // The text core's PartnerStore refuses the same script with (PartnerStoreTest).
        assertThatThrownBy(() -> new H2PartnerDatabase("nhsla", outside)).isInstanceOf(CampaignException.class)
                .hasMessage("migration V1__claims.sql names claim, member: every object a partner creates or"
                        + " changes must be named with its prefix 'nhsla_'");
    }

    @Test
    void refusesAPartnerIdCoreRefuses() {
        assertThatThrownBy(() -> new H2PartnerDatabase("NHS LA", TWO)).isInstanceOf(CampaignException.class)
                .hasMessageStartingWith("partner id 'NHS LA': must be");
    }
}
