package uk.nhs.safety.partner.support.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: a table's secondary indexes (all but its primary key) set aside while a first load copies into it and
 * built once at the end, in the same transaction, each from its own definition as PostgreSQL gives it back
 * ({@code pg_get_indexdef}), so the migration scripts stay the only place that declares them. One sorted build costs
 * far less than one B-tree insert per row; a failed or killed load rolls the drop back with the rows.
 */
public final class SecondaryIndexes {

    private final List<String> definitions;

    private SecondaryIndexes(List<String> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    /** Drops {@code table}'s secondary indexes in {@code c}'s transaction; {@link #rebuild} builds them again. */
    public static SecondaryIndexes drop(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indexrelid::regclass::text,"
                + " pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = ?::regclass"
                + " AND NOT i.indisprimary ORDER BY 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("DROP INDEX " + name);
            }
        }
        return new SecondaryIndexes(definitions);
    }

    /** Builds the dropped indexes again (with the transaction's {@code maintenance_work_mem}). */
    public void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String definition : definitions) {
                st.execute(definition);
            }
        }
    }
}
