package uk.nhs.safety.partner.support.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.partner.BulkLoader;

/**
 * One import's writes into a {@link KeyedTable}, inside the import's transaction ({@link KeyedTable#load}): whether
 * the table was empty at the start, and on PostgreSQL the {@code COPY} the valid rows stream into (the table itself
 * without its key on a first load, else the staging table); on H2 the statements the loader prepares
 * ({@link #prepare}), closed with the load. Written once for every partner's keyed import. Not thread-safe.
 */
public final class TableLoad implements AutoCloseable {

    /** An import's writes, given its load. */
    public interface Work<T> {
        T run(TableLoad load) throws SQLException;
    }

    /** Merges the staging table into the table (PostgreSQL, a table that held rows): answers what that did. */
    public interface Merge {
        CsvImport.Written merge(long staged) throws SQLException;
    }

    private final KeyedTable table;
    private final Connection connection;
    private final boolean empty;
    private final BulkLoader bulk;
    private final List<PreparedStatement> statements = new ArrayList<>();

    TableLoad(KeyedTable table, Connection connection, boolean empty, BulkLoader bulk) {
        this.table = table;
        this.connection = connection;
        this.empty = empty;
        this.bulk = bulk;
    }

    /** The import's transaction. */
    public Connection connection() {
        return connection;
    }

    /** Whether the table held no row when the import started (nothing to look up: every row is new). */
    public boolean empty() {
        return empty;
    }

    /** Whether the rows go through {@code COPY} ({@link #bulk}: PostgreSQL) rather than batched statements (H2). */
    public boolean copying() {
        return bulk != null;
    }

    /** PostgreSQL: the {@code COPY} the valid rows go to as they are read; null on H2. */
    public BulkLoader bulk() {
        return bulk;
    }

    /** The staging table a merge reads (PostgreSQL, a table that held rows). */
    public String stage() {
        return table.stage();
    }

    /** A statement in the import's transaction, closed with the load. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        statements.add(ps);
        return ps;
    }

    /** PostgreSQL, after the last row: ends the {@code COPY} and answers how many rows it took. */
    public long endCopy() throws SQLException {
        return bulk.finish();
    }

    /**
     * PostgreSQL, after {@link #endCopy}: a first load builds the table's key again (every copied row was created);
     * else the staging table gets statistics (a temp table has none: without them the joins go badly) and
     * {@code merge} merges it.
     */
    public CsvImport.Written settle(long staged, Merge merge) throws SQLException {
        if (empty) {
            table.restoreKey(connection);
            return new CsvImport.Written(staged, 0, 0);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE " + stage());
        }
        return merge.merge(staged);
    }

    /** Closes the statements and the {@code COPY} (abandoned unless ended); {@link KeyedTable#load} does. */
    @Override
    public void close() throws SQLException {
        try (BulkLoader copy = bulk) {
            SQLException failure = null;
            for (PreparedStatement ps : statements) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
