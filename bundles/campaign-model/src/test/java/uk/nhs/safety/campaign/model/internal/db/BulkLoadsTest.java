package uk.nhs.safety.campaign.model.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * Partners' bulk loads through core's PartnerStore: COPY on PostgreSQL (binary, or text when a column's type has no
 * binary writer), batched INSERTs on H2, same rows.
 */
@ExtendWith(PostgresExtension.class)
class BulkLoadsTest {

    private static final String V1 = "CREATE TABLE demo_row (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(80),"
            + " born DATE, flag BOOLEAN, n INTEGER);"
            // The same with a column binary COPY does not write (NUMERIC): loaded through text COPY.
            + " CREATE TABLE demo_text (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(80), born DATE, flag BOOLEAN,"
            + " n NUMERIC(12));";
    private static final List<String> COLUMNS = List.of("id", "name", "born", "flag", "n");
    /** Values COPY's text format must escape (tab, newline, carriage return, backslash), non-ASCII and a null. */
    private static final List<String> NAMES = List.of("plain", "tab\there", "two\nlines", "cr\rx", "back\\slash",
            "£ café 𝄞 \\N", "");

    private static PartnerDatabase open(DataSource dataSource) {
        Database database = new Database(dataSource, Migrations.bundled(TestDatabase.CLOCK));
        return new PartnerStoreImpl(database, TestDatabase.CLOCK).open("demo", name -> name.equals("index.txt")
                ? stream("V1__rows.sql\n") : name.equals("V1__rows.sql") ? stream(V1) : null);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loadsEveryKindOfValueExactlyOnH2() {
        loadsEveryKindOfValueExactly(TestDatabase.dataSource(), "demo_row", "Inserts");
    }

    @Test
    void loadsEveryKindOfValueExactlyThroughBinaryCopyOnPostgresql(PostgresServer postgres) {
        loadsEveryKindOfValueExactly(postgres.newDatabase(), "demo_row", "BinaryCopy");
    }

    @Test
    void loadsEveryKindOfValueExactlyThroughTextCopyWhenAColumnHasNoBinaryFormOnPostgresql(PostgresServer postgres) {
        loadsEveryKindOfValueExactly(postgres.newDatabase(), "demo_text", "Copy");
    }

    @Test
    void binaryCopyRefusesAValueItsColumnCannotTakeNamingTheColumnOnPostgresql(PostgresServer postgres) {
        PartnerDatabase db = open(postgres.newDatabase());

        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (BulkLoader load = db.bulkLoad(c, "demo_row", COLUMNS)) {
                return load.value("1");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column id")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (BulkLoader load = db.bulkLoad(c, "demo_row", COLUMNS)) {
                return load.value(1L).value("a").value(null).value(null).value(1L + Integer.MAX_VALUE);
            }
        })).hasMessageContaining("column n").hasMessageContaining("2147483648 is out of range for type integer");
        assertThat(count(db, "SELECT COUNT(*) FROM demo_row")).isZero();
    }

    private void loadsEveryKindOfValueExactly(DataSource dataSource, String table, String mechanism) {
        PartnerDatabase db = open(dataSource);
        long loaded = db.inTransaction(c -> {
            try (BulkLoader load = db.bulkLoad(c, table, COLUMNS)) {
                assertThat(load.getClass().getSimpleName()).isEqualTo(mechanism);
                for (int i = 0; i < NAMES.size(); i++) {
                    load.value((long) i).value(NAMES.get(i)).value(LocalDate.of(2015, 4, 1 + i)).value(i % 2 == 0)
                            .value(i).endRow();
                }
                load.value(99L).value(null).value(null).value(null).value(null).endRow();
                // Numbers and dates at their edges (COPY writes their digits itself).
                load.value(Long.MAX_VALUE).value("max").value(LocalDate.of(9999, 12, 31)).value(true)
                        .value(Integer.MAX_VALUE).endRow();
                load.value(-1_000_000_007L).value("negative").value(LocalDate.of(987, 1, 2)).value(false)
                        .value(Integer.MIN_VALUE).endRow();
                load.value(Long.MIN_VALUE).value("min").value(LocalDate.of(1, 1, 1)).value(false).value(0).endRow();
                return load.finish();
            }
        });

        assertThat(loaded).isEqualTo(NAMES.size() + 4);
        List<List<Object>> rows = rows(db, table);
        assertThat(rows).hasSize(NAMES.size() + 4);
        assertThat(rows.remove(0)).containsExactly(Long.MIN_VALUE, "min", LocalDate.of(1, 1, 1), false, 0);
        assertThat(rows.remove(0)).containsExactly(-1_000_000_007L, "negative", LocalDate.of(987, 1, 2), false,
                Integer.MIN_VALUE);
        assertThat(rows.remove(rows.size() - 1)).containsExactly(Long.MAX_VALUE, "max", LocalDate.of(9999, 12, 31),
                true, Integer.MAX_VALUE);
        for (int i = 0; i < NAMES.size(); i++) {
            assertThat(rows.get(i)).containsExactly((long) i, NAMES.get(i), LocalDate.of(2015, 4, 1 + i), i % 2 == 0,
                    i);
        }
        assertThat(rows.get(NAMES.size())).containsExactly(99L, null, null, null, null);
    }

    @Test
    void manyRowsCrossBatchesAndBuffersOnH2() {
        manyRowsCrossBatchesAndBuffers(TestDatabase.dataSource());
    }

    @Test
    void manyRowsCrossBatchesAndBuffersOnPostgresql(PostgresServer postgres) {
        manyRowsCrossBatchesAndBuffers(postgres.newDatabase());
    }

    private void manyRowsCrossBatchesAndBuffers(DataSource dataSource) {
        // 20,000 rows of about 60 bytes: 1.2 MB through COPY's 64 KB buffer, 40 INSERT batches of 500.
        PartnerDatabase db = open(dataSource);
        int rows = 20_000;
        db.inTransaction(c -> {
            try (BulkLoader load = db.bulkLoad(c, "demo_row", COLUMNS)) {
                for (int i = 0; i < rows; i++) {
                    load.value((long) i).value("row " + i + " of a long enough name").value(LocalDate.of(2015, 4, 1))
                            .value(true).value(i).endRow();
                }
                return load.finish();
            }
        });
        // Sum of 0..19999 = 19999 * 20000 / 2 = 199,990,000
        assertThat(count(db, "SELECT COUNT(*) FROM demo_row")).isEqualTo(rows);
        assertThat(count(db, "SELECT SUM(n) FROM demo_row")).isEqualTo(199_990_000L);
    }

    @Test
    void aFailedTransactionLeavesNoLoadedRowOnH2() {
        aFailedTransactionLeavesNoLoadedRow(TestDatabase.dataSource());
    }

    @Test
    void aFailedTransactionLeavesNoLoadedRowOnPostgresql(PostgresServer postgres) {
        aFailedTransactionLeavesNoLoadedRow(postgres.newDatabase());
    }

    private void aFailedTransactionLeavesNoLoadedRow(DataSource dataSource) {
        PartnerDatabase db = open(dataSource);
        // Finished, then the work fails: rolled back with the transaction.
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (BulkLoader load = db.bulkLoad(c, "demo_row", COLUMNS)) {
                load.value(1L).value("a").value(null).value(null).value(null).endRow();
                load.finish();
            }
            throw new IllegalStateException("refused half-way");
        })).hasMessage("refused half-way");
        // Abandoned while open (closed without finish): nothing either, and the connection is usable again.
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (BulkLoader load = db.bulkLoad(c, "demo_row", COLUMNS)) {
                load.value(2L).value("b").value(null).value(null).value(null).endRow();
                throw new IllegalStateException("refused while loading");
            }
        })).hasMessage("refused while loading");
        assertThat(count(db, "SELECT COUNT(*) FROM demo_row")).isZero();
    }

    @Test
    void aValueTheColumnRefusesFailsTheLoadOnPostgresql(PostgresServer postgres) {
        PartnerDatabase db = open(postgres.newDatabase());
        String tooLong = "x".repeat(81); // name is VARCHAR(80)

        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (BulkLoader load = db.bulkLoad(c, "demo_row", COLUMNS)) {
                load.value(1L).value(tooLong).value(null).value(null).value(null).endRow();
                return load.finish();
            }
        })).hasMessageContaining("too long");
        assertThat(count(db, "SELECT COUNT(*) FROM demo_row")).isZero();
    }

    @Test
    void refusesATableOutsideThePartnersPrefixOrAName() {
        PartnerDatabase db = open(TestDatabase.dataSource());

        assertThatThrownBy(() -> db.inTransaction(c -> db.bulkLoad(c, "member", List.of("ods_code"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member")
                .hasMessageContaining("'demo_'");
        assertThatThrownBy(() -> db.inTransaction(c -> db.bulkLoad(c, "demo_row", List.of("id; DROP TABLE x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id; DROP TABLE x");
    }

    private static List<List<Object>> rows(PartnerDatabase db, String table) {
        return db.read(c -> {
            List<List<Object>> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, born, flag, n FROM " + table
                    + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong(1));
                    row.add(rs.getString(2));
                    row.add(rs.getObject(3, LocalDate.class));
                    row.add(rs.getObject(4) == null ? null : rs.getBoolean(4));
                    row.add(rs.getObject(5) == null ? null : rs.getInt(5));
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    private static long count(PartnerDatabase db, String sql) {
        Long n = db.read(c -> number(c, sql));
        return n;
    }

    private static long number(java.sql.Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
