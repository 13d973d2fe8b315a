package uk.nhs.safety.campaign.api.partner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A partner's tables in the campaign database, opened by {@link PartnerStore#open}. Hands out connections from
 * core's pool for one unit of work at a time; never keep a connection beyond the work.
 *
 * <p>Thread-safe: call it from any thread, as often as needed. SQL failures come back as
 * {@link uk.nhs.safety.campaign.api.CampaignException} with the database's message; a
 * {@link RuntimeException} thrown by the work (for example a
 * {@link uk.nhs.safety.campaign.api.ValidationException} found half-way through an import) rolls the transaction
 * back and is rethrown as it is.
 */
@ProviderType
public interface PartnerDatabase {

    /** The partner these tables belong to. */
    String partnerId();

    /** The table-name prefix the partner's objects carry, e.g. {@code nhsla_}. */
    String prefix();

    /** The database product, as JDBC names it: {@code H2} or {@code PostgreSQL}. */
    String product();

    /** The latest migration version applied for this partner (0 when it has none). */
    int schemaVersion();

    /**
     * Runs {@code work} in one transaction: committed when it returns normally, rolled back when it throws
     * anything, so a failed import leaves the tables as they were.
     */
    <T> T inTransaction(SqlWork<T> work);

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    <T> T read(SqlWork<T> work);

    /**
     * Opens a bulk load of rows into one of the partner's tables on {@code connection}, the connection of a unit of
     * work this database runs ({@link #inTransaction}): through {@code COPY} on PostgreSQL, batched {@code INSERT}s
     * on H2. The rows become part of that transaction, committed or rolled back with it.
     *
     * @param connection the connection the work was given
     * @param table      the table, named with the partner's {@link #prefix()} (a {@code TEMP} table too)
     * @param columns    the columns the rows give values for, in order
     * @throws IllegalArgumentException when the table does not carry the partner's prefix or a name is not a plain
     *                                  SQL identifier
     * @throws java.sql.SQLException    when the load cannot start
     * @since 1.2
     */
    BulkLoader bulkLoad(Connection connection, String table, List<String> columns) throws SQLException;
}
