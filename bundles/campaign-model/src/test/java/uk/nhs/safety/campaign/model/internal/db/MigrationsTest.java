package uk.nhs.safety.campaign.model.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.model.internal.testing.StoreKind;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class MigrationsTest {

    private final DataSource dataSource;

    MigrationsTest(StoreKind kind) {
        this.dataSource = kind.newDataSource();
    }

    @StoreTest
    void appliesEveryBundledMigrationToAnEmptyDatabase() throws Exception {
        Migrations migrations = Migrations.bundled(TestDatabase.CLOCK);
        List<Integer> listed = migrations.scripts().stream().map(Migration::version).toList();

        List<Integer> applied = migrations.apply(dataSource);

        assertThat(applied).isEqualTo(listed).isNotEmpty();
        assertThat(strings("SELECT version FROM schema_version ORDER BY version"))
                .containsExactlyElementsOf(listed.stream().map(String::valueOf).toList());
        assertThat(strings("SELECT UPPER(table_name) FROM information_schema.tables"
                + " WHERE UPPER(table_schema) = 'PUBLIC'"))
                .contains("MEMBER", "PLEDGE_ACTION", "PLAN", "PLAN_VERSION", "FOCUS_AREA", "MEASUREMENT", "AUDIT");
    }

    @StoreTest
    void seedsTheFocusAreaVocabulary() throws Exception {
        Migrations.bundled(TestDatabase.CLOCK).apply(dataSource);

        assertThat(strings("SELECT code FROM focus_area")).containsExactlyInAnyOrder("maternity",
                "deteriorating-patient", "sepsis", "falls", "pressure-ulcers", "medication-safety", "surgical-safety",
                "diagnosis-in-ae", "vte", "hcai", "mental-health-safety", "safety-culture", "learning-disabilities",
                "aki");
        assertThat(strings("SELECT label FROM focus_area WHERE code IN ('diagnosis-in-ae', 'hcai', 'aki')"))
                .containsExactlyInAnyOrder("Diagnosis in A&E", "Healthcare-associated infection",
                        "Acute kidney injury");
    }

    @StoreTest
    void reapplyingAnUpToDateSchemaChangesNothing() throws Exception {
        Migrations migrations = Migrations.bundled(TestDatabase.CLOCK);
        migrations.apply(dataSource);
        List<String> before = strings("SELECT version || ' ' || checksum || ' ' || applied_at FROM schema_version");

        List<Integer> applied = migrations.apply(dataSource);

        assertThat(applied).isEmpty();
        assertThat(strings("SELECT version || ' ' || checksum || ' ' || applied_at FROM schema_version"))
                .isEqualTo(before);
    }

    @StoreTest
    void appliesOnlyTheMigrationsAddedSinceTheLastStart() throws Exception {
        String v1 = "CREATE TABLE thing (id INTEGER PRIMARY KEY);";
        new Migrations(source(Map.of("index", "V1__things.sql\n", "V1__things.sql", v1)), "index",
                TestDatabase.CLOCK).apply(dataSource);

        List<Integer> applied = new Migrations(source(Map.of("index", "V1__things.sql\nV2__more.sql\n",
                "V1__things.sql", v1, "V2__more.sql", "INSERT INTO thing (id) VALUES (7);")), "index",
                TestDatabase.CLOCK).apply(dataSource);

        assertThat(applied).containsExactly(2);
        assertThat(strings("SELECT id FROM thing")).containsExactly("7");
        assertThat(strings("SELECT description FROM schema_version ORDER BY version"))
                .containsExactly("things", "more");
    }

    @StoreTest
    void refusesAMigrationChangedAfterItWasApplied() throws Exception {
        new Migrations(source(Map.of("index", "V1__things.sql\n",
                "V1__things.sql", "CREATE TABLE thing (id INTEGER PRIMARY KEY);")), "index", TestDatabase.CLOCK)
                .apply(dataSource);
        Migrations edited = new Migrations(source(Map.of("index", "V1__things.sql\nV2__more.sql\n",
                "V1__things.sql", "CREATE TABLE thing (id BIGINT PRIMARY KEY);",
                "V2__more.sql", "CREATE TABLE other (id INTEGER);")), "index", TestDatabase.CLOCK);

        assertThatThrownBy(() -> edited.apply(dataSource))
                .isInstanceOf(CampaignException.class)
                .hasMessageContaining("V1__things.sql")
                .hasMessageContaining("changed after they were applied");
        // The refused start applied nothing after the changed script either.
        assertThat(strings("SELECT version FROM schema_version")).containsExactly("1");
    }

    @StoreTest
    void aFailingScriptIsNotRecordedAsApplied() throws Exception {
        Migrations broken = new Migrations(source(Map.of("index", "V1__broken.sql\n",
                "V1__broken.sql", "INSERT INTO no_such_table (id) VALUES (1);")), "index", TestDatabase.CLOCK);

        assertThatThrownBy(() -> broken.apply(dataSource))
                .isInstanceOf(CampaignException.class)
                .hasMessageContaining("V1__broken.sql failed");
        assertThat(strings("SELECT version FROM schema_version")).isEmpty();
    }

    @StoreTest
    void refusesAnIndexWhoseVersionsAreOutOfOrder() {
        Migrations disordered = new Migrations(source(Map.of("index", "V2__b.sql\nV1__a.sql\n",
                "V1__a.sql", "", "V2__b.sql", "")), "index", TestDatabase.CLOCK);

        assertThatThrownBy(disordered::scripts)
                .isInstanceOf(CampaignException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("version 1");
    }

    @StoreTest
    void splitsStatementsAtSemicolonsOutsideQuotesAndDropsComments() {
        List<String> statements = Migrations.statements("-- a comment; not a statement\n"
                + "INSERT INTO t (a) VALUES ('x; y');\nINSERT INTO t (a) VALUES ('it''s');\n");

        assertThat(statements).containsExactly("INSERT INTO t (a) VALUES ('x; y')",
                "INSERT INTO t (a) VALUES ('it''s')");
    }

    private static ScriptSource source(Map<String, String> files) {
        return name -> {
            String text = files.get(name);
            return text == null ? null : (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
