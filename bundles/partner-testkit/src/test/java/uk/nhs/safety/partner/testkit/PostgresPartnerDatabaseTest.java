package uk.nhs.safety.partner.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

@ExtendWith(PostgresExtension.class)
class PostgresPartnerDatabaseTest {

    private static final Map<String, String> SCRIPTS = Map.of(
            "index.txt", "V1__things.sql\n",
            "V1__things.sql", "-- a partner's table\nCREATE TABLE demo_thing (id INTEGER PRIMARY KEY);");
    private static final ScriptSource SOURCE = name -> SCRIPTS.containsKey(name)
            ? new ByteArrayInputStream(SCRIPTS.get(name).getBytes(StandardCharsets.UTF_8)) : null;

    @Test
    void migratesThePartnersScriptsAndCommitsOrRollsBackLikeCore(PostgresServer postgres) {
        PostgresPartnerDatabase db = new PostgresPartnerDatabase(postgres, "demo", SOURCE);

        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO demo_thing VALUES (1)");
            }
        });
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO demo_thing VALUES (2)");
            }
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(db.product()).isEqualTo("PostgreSQL");
        assertThat(db.schemaVersion()).isEqualTo(1);
        assertThat(db.prefix()).isEqualTo("demo_");
        assertThat(db.count("SELECT COUNT(*) FROM demo_thing")).isEqualTo(1);
    }

    @Test
    void refusesAScriptNamingObjectsOutsideThePrefixAsCoreDoes(PostgresServer postgres) {
        Map<String, String> files = Map.of("index.txt", "V1__things.sql\n",
                "V1__things.sql", "CREATE TABLE thing (id INTEGER);\nCREATE INDEX demo_ix ON thing (id);");
        ScriptSource outside = name -> files.containsKey(name)
                ? new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8)) : null;

        assertThatThrownBy(() -> new PostgresPartnerDatabase(postgres, "demo", outside))
                .isInstanceOf(CampaignException.class)
                .hasMessage("migration V1__things.sql names thing: every object a partner creates or changes must"
                        + " be named with its prefix 'demo_'");
    }

    @Test
    void runsAScriptsPostgresqlVariantInsteadOfTheScriptAsCoreDoes(PostgresServer postgres) {
        Map<String, String> files = Map.of("index.txt", "V1__things.sql\n",
                "V1__things.sql", "CREATE TABLE demo_thing (code VARCHAR(8) PRIMARY KEY);",
                "postgresql/V1__things.sql", "CREATE TABLE demo_thing (code VARCHAR(8) COLLATE \"C\" PRIMARY KEY);");
        ScriptSource source = name -> files.containsKey(name)
                ? new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8)) : null;

        PostgresPartnerDatabase db = new PostgresPartnerDatabase(postgres, "demo", source);

        assertThat(db.count("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'demo_thing'"
                + " AND column_name = 'code' AND collation_name = 'C'")).isEqualTo(1);
    }
}
