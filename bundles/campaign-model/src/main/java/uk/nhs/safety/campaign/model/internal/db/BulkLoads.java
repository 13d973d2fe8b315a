package uk.nhs.safety.campaign.model.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.partner.BulkLoader;

/**
 * Bulk loads ({@link BulkLoader}) for partners' tables: the partner support code's loads
 * ({@link uk.nhs.safety.partner.support.bulk.BulkLoads}, embedded privately in this bundle, the same code the partner
 * test kit runs): PostgreSQL's {@code COPY ... FROM STDIN}, batched {@code INSERT}s on H2. pgjdbc is an optional
 * import of this bundle: its classes are touched only on PostgreSQL, so an H2-only install never needs them.
 */
public final class BulkLoads {

    private static final Logger LOG = LoggerFactory.getLogger(BulkLoads.class);

    private BulkLoads() {
    }

    /**
     * Opens a load into {@code table} on {@code c}.
     *
     * @param prefix the partner's prefix the table must carry
     * @throws IllegalArgumentException when a name is not a plain identifier or the table lacks the prefix
     */
    public static BulkLoader open(Connection c, String prefix, String table, List<String> columns) throws SQLException {
        try {
            return uk.nhs.safety.partner.support.bulk.BulkLoads.open(c, prefix, table, columns);
        } catch (NoClassDefFoundError e) {
            // The pgjdbc bundle is not wired to this one (installed after it, not refreshed): slower, still right.
            LOG.warn("Loading {} with INSERTs: the PostgreSQL driver's COPY API is not visible to core ({});"
                    + " refresh the campaign-model bundle for COPY speed", table, e.toString());
            return uk.nhs.safety.partner.support.bulk.BulkLoads.inserts(c, prefix, table, columns);
        }
    }
}
