package uk.nhs.safety.partner.nhsi.internal.incidents;

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

import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.support.imports.CsvImport;
import uk.nhs.safety.partner.support.imports.KeyedImport;
import uk.nhs.safety.partner.support.imports.KeyedTable;
import uk.nhs.safety.partner.support.imports.TableLoad;

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
public final class IncidentImport extends KeyedImport<IncidentRow> {

    /** The importer's name, as registered with core. */
    public static final String NAME = "nhsi-incidents";

    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(IncidentImport.class);

    private static final List<String> COLUMNS = List.of("ods_code", "period", "category", "harm", "incidents");

    /** For tests and tools in one JVM: a second concurrent import in this JVM is refused. */
    public IncidentImport(PartnerDatabase database, Predicate<String> isMember) {
        this(database, isMember, null);
    }

    /** With core's jobs once per cluster ({@code jobs}): a second import on any node is refused. */
    public IncidentImport(PartnerDatabase database, Predicate<String> isMember, ClusterJobs jobs) {
        super(database, isMember, new KeyedTable("nhsi_incident", "ods_code, period, category, harm", NAME,
                "an incident import", jobs), COLUMNS);
    }

    /**
     * Runs an import.
     *
     * @param catalogue the catalogue whose categories the file may use
     * @param latest    the latest month accepted
     */
    public ImportReport run(ImportRequest request, Catalogue catalogue, YearMonth latest) {
        return exclusive(() -> runNow(request, catalogue, latest));
    }

    private ImportReport runNow(ImportRequest request, Catalogue catalogue, YearMonth latest) {
        long started = System.nanoTime();
        ImportReport report = load(request, new IncidentCsv(catalogue, latest).engine(isMember()), Loader::new);
        LOG.info("Incident import {} by {}: {} rows read, {} created, {} updated, {} unchanged, {} rejected"
                        + " in {} ms", request.source(), request.caller(), report.read(), report.created(),
                report.updated(), report.unchanged(), report.rejected(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /** Merges the staged counts into {@code nhsi_incident} (PostgreSQL): changed counts updated, new keys inserted. */
    private static CsvImport.Written merge(TableLoad load, long staged) throws SQLException {
        String key = "c.ods_code = s.ods_code AND c.period = s.period AND c.category = s.category AND c.harm = s.harm";
        try (Statement st = load.connection().createStatement()) {
            long updated = st.executeUpdate("UPDATE nhsi_incident c SET incidents = s.incidents FROM " + load.stage()
                    + " s WHERE " + key + " AND c.incidents <> s.incidents");
            long created = st.executeUpdate("INSERT INTO nhsi_incident (ods_code, period, category, harm,"
                    + " incidents) SELECT ods_code, period, category, harm, incidents FROM " + load.stage() + " s WHERE"
                    + " NOT EXISTS (SELECT 1 FROM nhsi_incident c WHERE " + key + ")");
            return new CsvImport.Written(created, updated, staged - updated - created);
        }
    }

    /** Valid rows to batched writes or COPY, then the key or the merge; one per import. */
    private static final class Loader implements CsvImport.Loader<IncidentRow> {
        final TableLoad load;
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

        Loader(TableLoad load) throws SQLException {
            this.load = load;
            boolean copy = load.copying();
            this.insert = copy ? null : load.prepare("INSERT INTO nhsi_incident (ods_code, period, category, harm,"
                    + " incidents) VALUES (?, ?, ?, ?, ?)");
            this.update = copy ? null : load.prepare("UPDATE nhsi_incident SET incidents = ? WHERE ods_code = ?"
                    + " AND period = ? AND category = ? AND harm = ?");
            this.lookup = copy || load.empty() ? null : load.prepare("SELECT incidents FROM nhsi_incident WHERE"
                    + " ods_code = ? AND period = ? AND category = ? AND harm = ?");
            this.bulk = load.bulk();
        }

        @Override
        public CsvImport.Written finish() throws SQLException {
            flush();
            return bulk != null ? load.settle(load.endCopy(), staged -> merge(load, staged))
                    : new CsvImport.Written(created, updated, unchanged);
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
