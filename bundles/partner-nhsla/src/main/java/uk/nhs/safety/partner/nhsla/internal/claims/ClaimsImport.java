package uk.nhs.safety.partner.nhsla.internal.claims;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.partner.support.imports.CsvImport;
import uk.nhs.safety.partner.support.imports.KeyedImport;
import uk.nhs.safety.partner.support.imports.KeyedTable;
import uk.nhs.safety.partner.support.imports.TableLoad;

/**
 * The claims import: one pass over the file inside one transaction. Rows are read and validated by the partners'
 * import engine ({@link CsvImport}: errors, refusal, rejects file and counts as every partner import) and
 * written to {@code nhsla_claim} in JDBC batches (memory stays flat but for 12 bytes per row to spot a reference
 * listed twice): for each batch the claims already stored are read by reference (an index lookup; skipped when the
 * table was empty at the start, the usual first load), new ones inserted, changed ones updated, identical ones left.
 * The summary the profiles read ({@code nhsla_claim_summary}) is kept in step in the same transaction: the import
 * adds up, per summary group, what its created and updated claims add and take away, and writes only those changes
 * (measured: re-aggregating a million claims in SQL took longer than the inserts themselves).
 * Once a row is refused (and the import is not partial) nothing more is written but every row is still checked, and
 * the import ends by throwing the violations, which rolls the whole transaction back. A crash before the commit
 * leaves the old data: the claims are exactly the old state or exactly the new one. Plain standard SQL (H2 2.2,
 * PostgreSQL 15). Thread-safe; a second concurrent import is refused.
 *
 * <p>Measured on H2 (bench/run-nhsla.sh): writing once, straight into the table, was about twice as fast as loading
 * a staging table and merging it in the same transaction, so H2 keeps that way.
 *
 * <p>On PostgreSQL the valid rows stream through {@code COPY} ({@link PartnerDatabase#bulkLoad}) while the file is
 * read: straight into {@code nhsla_claim} when it was empty (the first load; its primary key is dropped first and
 * built once at the end, in the same transaction), else into a {@code TEMP} staging table of this transaction
 * ({@code nhsla_claim_stage}, dropped at commit, private to the connection so nodes never meet there) that three
 * statements merge: the stored values of the staged references leave the summary delta, changed claims are updated
 * ({@code UPDATE ... FROM}, only rows whose values differ), new ones inserted. The summary's changed groups go through
 * {@code COPY} too (a first load touches about one group per four claims). Same all or nothing, same counts, same
 * rejects file (bench/run-import.sh measures both databases).
 *
 * <p>One import of claims runs at a time across all the nodes ({@link ClusterJobs}, job {@value #NAME}): a second
 * one, on any node, is refused at once naming the node running the first and since when.
 */
public final class ClaimsImport extends KeyedImport<Claim> {

    /** The importer's name, as registered with core. */
    public static final String NAME = "nhsla-claims";

    /** Rows per batch (and references per lookup query). */
    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsImport.class);

    private static final String COLS = "claim_ref, ods_code, scheme, specialty, cause, injury, incident_date,"
            + " notification_date, notification_fy, status, damages_pence, defence_pence, claimant_pence";
    private static final List<String> COLUMNS = List.of(COLS.split(",\\s*"));
    private static final String INSERT = "INSERT INTO nhsla_claim (" + COLS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE nhsla_claim SET ods_code = ?, scheme = ?, specialty = ?, cause = ?,"
            + " injury = ?, incident_date = ?, notification_date = ?, notification_fy = ?, status = ?,"
            + " damages_pence = ?, defence_pence = ?, claimant_pence = ? WHERE claim_ref = ?";
    private static final String LOOKUP = "SELECT " + COLS + " FROM nhsla_claim WHERE claim_ref IN ("
            + "?, ".repeat(BATCH - 1) + "?)";

    /** For tests and tools in one JVM: a second concurrent import in this JVM is refused. */
    public ClaimsImport(PartnerDatabase database, Predicate<String> isMember) {
        this(database, isMember, null);
    }

    /** With core's jobs once per cluster ({@code jobs}): a second import on any node is refused. */
    public ClaimsImport(PartnerDatabase database, Predicate<String> isMember, ClusterJobs jobs) {
        super(database, isMember, new KeyedTable("nhsla_claim", "claim_ref", NAME, "a claims import", jobs),
                COLUMNS);
    }

    /**
     * Runs an import.
     *
     * @param schemes the accepted schemes
     * @param today   notification dates after it are refused
     */
    public ImportReport run(ImportRequest request, Set<String> schemes, LocalDate today) {
        return exclusive(() -> runNow(request, schemes, today));
    }

    private ImportReport runNow(ImportRequest request, Set<String> schemes, LocalDate today) {
        long started = System.nanoTime();
        // When each step ended (nanoTime): the rows read, checked and loaded; the key built or the merge; the summary.
        long[] steps = new long[3];
        ImportReport report = load(request, new ClaimsCsv(schemes, today).engine(isMember()),
                load -> new Loader(load, steps));
        long ended = System.nanoTime();
        LOG.info("Claims import {} by {}: {} rows read, {} created, {} updated, {} unchanged, {} rejected in {} ms"
                        + " (read, checked and loaded {} ms, key or merge {} ms, summary {} ms, commit {} ms)",
                request.source(), request.caller(), report.read(), report.created(), report.updated(),
                report.unchanged(), report.rejected(), millis(started, ended), millis(started, steps[0]),
                millis(steps[0], steps[1]), millis(steps[1], steps[2]), millis(steps[2], ended));
        return report;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * Merges the staged claims into {@code nhsla_claim} (PostgreSQL): the stored values of the staged references leave
     * the summary (the staged ones were added as they were read, so an unchanged claim cancels out), then changed
     * claims are updated and new ones inserted.
     */
    private static CsvImport.Written merge(TableLoad load, SummaryDelta summary, long staged) throws SQLException {
        String stage = load.stage();
        try (Statement st = load.connection().createStatement()) {
            // Room for the joins' hash tables in memory (the default 4 MB spills a million staged rows to disk);
            // this transaction only.
            st.execute("SET LOCAL work_mem = '64MB'");
            try (ResultSet rs = st.executeQuery("SELECT c.ods_code, c.notification_fy, c.specialty, c.cause, c.scheme,"
                    + " COUNT(*), SUM(c.damages_pence + c.defence_pence + c.claimant_pence) FROM nhsla_claim c"
                    + " JOIN " + stage + " s ON s.claim_ref = c.claim_ref"
                    + " GROUP BY c.ods_code, c.notification_fy, c.specialty, c.cause, c.scheme")) {
                while (rs.next()) {
                    summary.subtract(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7));
                }
            }
            String values = "ods_code, scheme, specialty, cause, injury, incident_date, notification_date,"
                    + " notification_fy, status, damages_pence, defence_pence, claimant_pence";
            long updated = st.executeUpdate("UPDATE nhsla_claim c SET (" + values + ") = (" + prefixed("s", values)
                    + ") FROM " + stage + " s WHERE c.claim_ref = s.claim_ref AND (" + prefixed("c", values)
                    + ") IS DISTINCT FROM (" + prefixed("s", values) + ")");
            long created = st.executeUpdate("INSERT INTO nhsla_claim (" + COLS + ") SELECT " + COLS + " FROM "
                    + stage + " s WHERE NOT EXISTS (SELECT 1 FROM nhsla_claim c WHERE c.claim_ref = s.claim_ref)");
            return new CsvImport.Written(created, updated, staged - updated - created);
        }
    }

    private static String prefixed(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    /** Valid rows to batched writes or COPY, then the key or the merge and the summary; one per import. */
    private final class Loader implements CsvImport.Loader<Claim> {
        final TableLoad load;
        final PreparedStatement insert;
        final PreparedStatement update;
        final PreparedStatement lookup;
        /** PostgreSQL: valid rows go to COPY as read; counts come from the merge. */
        final BulkLoader bulk;
        final List<Claim> batch = new ArrayList<>(BATCH);
        final SummaryDelta summary = new SummaryDelta();
        final long[] steps;
        long created;
        long updated;
        long unchanged;

        Loader(TableLoad load, long[] steps) throws SQLException {
            this.load = load;
            this.steps = steps;
            boolean copy = load.copying();
            this.insert = copy ? null : load.prepare(INSERT);
            this.update = copy ? null : load.prepare(UPDATE);
            this.lookup = load.empty() || copy ? null : load.prepare(LOOKUP);
            this.bulk = load.bulk();
        }

        @Override
        public void load(Claim claim) throws SQLException {
            if (bulk != null) {
                copy(claim);
                return;
            }
            batch.add(claim);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        @Override
        public CsvImport.Written finish() throws SQLException {
            flush();
            long staged = bulk == null ? 0 : load.endCopy();
            steps[0] = System.nanoTime();
            CsvImport.Written written = bulk == null ? new CsvImport.Written(created, updated, unchanged)
                    : load.settle(staged, copied -> merge(load, summary, copied));
            steps[1] = System.nanoTime();
            summary.apply(load.connection(), load.empty(), bulk != null ? database() : null);
            steps[2] = System.nanoTime();
            return written;
        }

        /** One valid row to COPY; the summary counts it now and the merge takes stored values back out. */
        private void copy(Claim claim) throws SQLException {
            bulk.value(claim.reference()).value(claim.odsCode()).value(claim.scheme()).value(claim.specialty())
                    .value(claim.cause()).value(claim.injury()).value(claim.incidentDate())
                    .value(claim.notificationDate()).value(claim.notificationYear()).value(claim.status().name())
                    .value(claim.damagesPence()).value(claim.defencePence()).value(claim.claimantPence());
            bulk.endRow();
            summary.add(claim);
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                Map<String, List<String>> stored = lookup == null ? Map.of() : stored();
                int inserts = 0;
                int updates = 0;
                for (Claim claim : batch) {
                    List<String> now = stored.get(claim.reference());
                    if (now == null) {
                        bind(insert, 1, claim);
                        insert.setString(1, claim.reference());
                        insert.addBatch();
                        inserts++;
                        summary.add(claim);
                    } else if (now.equals(values(claim))) {
                        unchanged++;
                    } else {
                        bind(update, 0, claim);
                        update.setString(13, claim.reference());
                        update.addBatch();
                        updates++;
                        summary.remove(now);
                        summary.add(claim);
                    }
                }
                if (inserts > 0) {
                    insert.executeBatch();
                    created += inserts;
                }
                if (updates > 0) {
                    update.executeBatch();
                    updated += updates;
                }
                batch.clear();
            } catch (SQLException e) {
                throw new CampaignException("cannot write claims near line " + batch.get(0).line() + ": "
                        + e.getMessage(), e);
            }
        }

        /** The stored claims of this batch, by reference, as the same strings {@link #values} gives. */
        private Map<String, List<String>> stored() throws SQLException {
            for (int i = 0; i < BATCH; i++) {
                // A short last batch repeats its last reference to fill the fixed statement.
                lookup.setString(i + 1, batch.get(Math.min(i, batch.size() - 1)).reference());
            }
            Map<String, List<String>> stored = new HashMap<>();
            try (ResultSet rs = lookup.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate().toString(),
                            rs.getDate(8).toLocalDate().toString(), rs.getString(10),
                            Long.toString(rs.getLong(11)), Long.toString(rs.getLong(12)),
                            Long.toString(rs.getLong(13))));
                }
            }
            return stored;
        }

    }

    /** A claim's stored values as strings, in a fixed order (to compare with what is stored). */
    static List<String> values(Claim c) {
        return List.of(c.reference(), c.odsCode(), c.scheme(), c.specialty(), c.cause(), c.injury(),
                c.incidentDate().toString(), c.notificationDate().toString(), c.status().name(),
                Long.toString(c.damagesPence()), Long.toString(c.defencePence()), Long.toString(c.claimantPence()));
    }

    /** Binds the claim's columns after the reference, starting at {@code offset + 1} (insert 2.., update 1..). */
    private static void bind(PreparedStatement ps, int offset, Claim c) throws SQLException {
        int i = offset;
        ps.setString(++i, c.odsCode());
        ps.setString(++i, c.scheme());
        ps.setString(++i, c.specialty());
        ps.setString(++i, c.cause());
        ps.setString(++i, c.injury());
        ps.setDate(++i, Date.valueOf(c.incidentDate()));
        ps.setDate(++i, Date.valueOf(c.notificationDate()));
        ps.setInt(++i, c.notificationYear());
        ps.setString(++i, c.status().name());
        ps.setLong(++i, c.damagesPence());
        ps.setLong(++i, c.defencePence());
        ps.setLong(++i, c.claimantPence());
    }
}
