package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.support.imports.CsvImport;
import uk.nhs.safety.partner.support.imports.KeyedTable;

/**
 * The incident-count import: one pass over the file inside one transaction. Rows are read and validated by the
 * partners' import engine ({@link CsvImport}: errors, refusal, rejects file and counts as every partner import);
 * each valid row is looked up by its key (member, month, category, harm: the primary key) and inserted, updated
 * (a corrected count) or left as it is, in JDBC batches. A key listed twice in one file is refused at its second
 * line. Once a row is refused (and the import is not partial) nothing more is written, every row is still checked,
 * and the import ends by throwing every violation, which rolls the whole transaction back: the counts are exactly
 * the old ones or exactly the new ones. Rows about organisations that are not members are imported and reported.
 * Memory: the keys of the file (to spot repeats), a few tens of bytes per row. Thread-safe.
 *
 * <p>On PostgreSQL the valid rows stream through {@code COPY} ({@link PartnerDatabase#bulkLoad}) as the file is read:
 * straight into {@code nhsi_incident} when it was empty, else into a {@code TEMP} staging table of the transaction
 * ({@code nhsi_incident_stage}, dropped at commit) that one {@code UPDATE ... FROM} (changed counts) and one
 * {@code INSERT ... SELECT} (new keys) merge. Same all or nothing, same counts, same rejects file.
 *
 * <p>One incident import runs at a time across all the nodes ({@link ClusterJobs}, job {@value #NAME}): a second one,
 * on any node, is refused at once naming the node running the first and since when.
 */
public final class IncidentImport {

    /** The importer's name, as registered with core. */
    public static final String NAME = "nhsi-incidents";

    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(IncidentImport.class);

    /** The staging table of a PostgreSQL import that merges: a TEMP table of the import's transaction. */
    private static final String STAGE = "nhsi_incident_stage";
    private static final List<String> COLUMNS = List.of("ods_code", "period", "category", "harm", "incidents");

    private final PartnerDatabase database;
    private final Predicate<String> isMember;
    private final KeyedTable incidents;

    /**
     * For tests and tools in one JVM: a second concurrent import in this JVM is refused.
     *
     * @param database the partner's tables
     * @param isMember whether an ODS code is a campaign member (asked once per distinct code per import)
     */
    public IncidentImport(PartnerDatabase database, Predicate<String> isMember) {
        this(database, isMember, null);
    }

    /**
     * @param database the partner's tables
     * @param isMember whether an ODS code is a campaign member (asked once per distinct code per import)
     * @param jobs     core's jobs once per cluster: a second import on any node is refused
     */
    public IncidentImport(PartnerDatabase database, Predicate<String> isMember, ClusterJobs jobs) {
        this.database = database;
        this.isMember = isMember;
        this.incidents = new KeyedTable("nhsi_incident", "ods_code, period, category, harm", NAME,
                "an incident import", jobs);
    }

    /**
     * Runs an import.
     *
     * @param catalogue the catalogue whose categories the file may use
     * @param latest    the latest month accepted
     */
    public ImportReport run(ImportRequest request, Catalogue catalogue, YearMonth latest) {
        return incidents.exclusive(() -> runNow(request, catalogue, latest));
    }

    private ImportReport runNow(ImportRequest request, Catalogue catalogue, YearMonth latest) {
        long started = System.nanoTime();
        boolean copy = "PostgreSQL".equals(database.product());
        ImportReport report = database.inTransaction(c -> load(c, request, new IncidentCsv(catalogue, latest),
                copy));
        LOG.info("Incident import {} by {}: {} rows read, {} created, {} updated, {} unchanged, {} rejected"
                        + " in {} ms", request.source(), request.caller(), report.read(), report.created(),
                report.updated(), report.unchanged(), report.rejected(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private ImportReport load(Connection c, ImportRequest request, IncidentCsv csv, boolean copy)
            throws SQLException {
        boolean empty = incidents.isEmpty(c);
        String target = copy ? incidents.copyTarget(c, empty) : null;
        try (PreparedStatement insert = copy ? null : c.prepareStatement("INSERT INTO nhsi_incident (ods_code,"
                + " period, category, harm, incidents) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement update = copy ? null : c.prepareStatement("UPDATE nhsi_incident SET incidents = ?"
                     + " WHERE ods_code = ? AND period = ? AND category = ? AND harm = ?");
             PreparedStatement lookup = copy || empty ? null : c.prepareStatement("SELECT incidents FROM"
                     + " nhsi_incident WHERE ods_code = ? AND period = ? AND category = ? AND harm = ?");
             BulkLoader bulk = copy ? database.bulkLoad(c, target, COLUMNS) : null) {
            return csv.engine(isMember).run(request, new Loader(c, empty, insert, update, lookup, bulk));
        }
    }

    /** Merges the staged counts into {@code nhsi_incident} (PostgreSQL): changed counts updated, new keys inserted. */
    private static void merge(Connection c, Loader loader, long staged) throws SQLException {
        String key = "c.ods_code = s.ods_code AND c.period = s.period AND c.category = s.category AND c.harm = s.harm";
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE " + STAGE); // a temp table has no statistics: without them the joins go badly
            loader.updated = st.executeUpdate("UPDATE nhsi_incident c SET incidents = s.incidents FROM " + STAGE
                    + " s WHERE " + key + " AND c.incidents <> s.incidents");
            loader.created = st.executeUpdate("INSERT INTO nhsi_incident (ods_code, period, category, harm,"
                    + " incidents) SELECT ods_code, period, category, harm, incidents FROM " + STAGE + " s WHERE NOT"
                    + " EXISTS (SELECT 1 FROM nhsi_incident c WHERE " + key + ")");
            loader.unchanged = staged - loader.updated - loader.created;
        }
    }

    /** Valid rows to batched writes or COPY, then the key or the merge; one per import. */
    private final class Loader implements CsvImport.Loader<IncidentRow> {
        final Connection connection;
        final boolean empty;
        final PreparedStatement insert;
        final PreparedStatement update;
        final PreparedStatement lookup;
        /** PostgreSQL: valid rows go to COPY as read; counts come from the merge. */
        final BulkLoader bulk;
        int inserts;
        int updates;
        long created;
        long updated;
        long unchanged;

        Loader(Connection connection, boolean empty, PreparedStatement insert, PreparedStatement update,
               PreparedStatement lookup, BulkLoader bulk) {
            this.connection = connection;
            this.empty = empty;
            this.insert = insert;
            this.update = update;
            this.lookup = lookup;
            this.bulk = bulk;
        }

        @Override
        public CsvImport.Written finish() throws SQLException {
            flush();
            if (bulk != null) {
                long staged = bulk.finish();
                if (empty) {
                    created = staged;
                    incidents.restoreKey(connection);
                } else {
                    merge(connection, this, staged);
                }
            }
            return new CsvImport.Written(created, updated, unchanged);
        }

        @Override
        public void load(IncidentRow row) throws SQLException {
            if (bulk != null) {
                bulk.value(row.odsCode()).value(row.month().atDay(1)).value(row.category()).value(row.harm().name())
                        .value(row.count());
                bulk.endRow();
                return;
            }
            Date period = Date.valueOf(row.month().atDay(1));
            Long stored = null;
            if (lookup != null) {
                lookup.setString(1, row.odsCode());
                lookup.setDate(2, period);
                lookup.setString(3, row.category());
                lookup.setString(4, row.harm().name());
                try (ResultSet rs = lookup.executeQuery()) {
                    stored = rs.next() ? rs.getLong(1) : null;
                }
            }
            if (stored == null) {
                insert.setString(1, row.odsCode());
                insert.setDate(2, period);
                insert.setString(3, row.category());
                insert.setString(4, row.harm().name());
                insert.setLong(5, row.count());
                insert.addBatch();
                inserts++;
                created++;
            } else if (stored == row.count()) {
                unchanged++;
            } else {
                update.setLong(1, row.count());
                update.setString(2, row.odsCode());
                update.setDate(3, period);
                update.setString(4, row.category());
                update.setString(5, row.harm().name());
                update.addBatch();
                updates++;
                updated++;
            }
            if (inserts + updates >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (insert == null) {
                return;
            }
            if (inserts > 0) {
                insert.executeBatch();
                inserts = 0;
            }
            if (updates > 0) {
                update.executeBatch();
                updates = 0;
            }
        }
    }
}
