package uk.nhs.safety.campaign.api.partner;

import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Streams many rows into one of the partner's tables inside the current transaction, at the database's own bulk speed:
 * PostgreSQL's {@code COPY ... FROM STDIN} (no statement per row, no round trip per batch), batched {@code INSERT}s on
 * H2. Obtained from {@link PartnerDatabase#bulkLoad}; typically it fills a staging table (for example a PostgreSQL
 * {@code TEMP} table, so that nodes never see each other's rows) that one {@code INSERT ... SELECT} or
 * {@code UPDATE ... FROM} then merges into the real table in the same transaction.
 *
 * <p>Give each row's values in the order of the columns named when the load was opened, then call {@link #endRow()}.
 * Values: {@link String}, {@link Long}, {@link Integer}, {@link Boolean}, {@link java.time.LocalDate} or
 * {@code null}. Nothing is held in memory but a small buffer, whatever the number of rows. While a load is open
 * the connection is busy with it: run no other statement on it until {@link #finish()}. A failure (a value the column
 * refuses, a broken connection) comes back as an {@link SQLException}, at the latest from {@link #finish()}, and the
 * transaction is then to be rolled back (throw it on). {@link #close()} without {@link #finish()} abandons the load.
 *
 * <p>Not thread-safe: one thread, one load.
 */
@ProviderType
public interface BulkLoader extends AutoCloseable {

    /** The next value of the current row. */
    BulkLoader value(Object value) throws SQLException;

    /** Ends the current row (which must have one value per column). */
    void endRow() throws SQLException;

    /** Sends what is still buffered and ends the load; the rows are then in the table (in this transaction). */
    long finish() throws SQLException;

    /** Abandons the load unless it was finished; never throws for a load already failed. */
    @Override
    void close() throws SQLException;
}
