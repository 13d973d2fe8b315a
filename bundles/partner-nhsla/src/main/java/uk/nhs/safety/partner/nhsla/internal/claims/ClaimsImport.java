package uk.nhs.safety.partner.nhsla.internal.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.csv.CsvCells;
import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/**
 * The claims import: one pass over the file inside one transaction. Rows are validated as they are read and
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
public final class ClaimsImport {

    /** The importer's name, as registered with core. */
    public static final String NAME = "nhsla-claims";

    /** How many problems a report or refusal carries at most; the counts say how many rows in all. */
    public static final int MAX_PROBLEMS = 300;

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

    /** The staging table of a PostgreSQL import: a TEMP table of the import's transaction. */
    private static final String STAGE = "nhsla_claim_stage";
    /** The claims table's primary key, as PostgreSQL names it. */
    private static final String KEY = "nhsla_claim_pkey";

    private final PartnerDatabase database;
    private final Predicate<String> isMember;
    /** Null outside a container (tests, bench): then {@link #running} refuses a second import in this JVM only. */
    private final ClusterJobs jobs;
    private final ReentrantLock running = new ReentrantLock();

    /**
     * For tests and tools in one JVM: a second concurrent import in this JVM is refused.
     *
     * @param database the partner's tables
     * @param isMember whether an ODS code is a campaign member (asked once per distinct code per import)
     */
    public ClaimsImport(PartnerDatabase database, Predicate<String> isMember) {
        this(database, isMember, null);
    }

    /**
     * @param database the partner's tables
     * @param isMember whether an ODS code is a campaign member (asked once per distinct code per import)
     * @param jobs     core's jobs once per cluster: a second import on any node is refused
     */
    public ClaimsImport(PartnerDatabase database, Predicate<String> isMember, ClusterJobs jobs) {
        this.database = database;
        this.isMember = isMember;
        this.jobs = jobs;
    }

    /**
     * Runs an import.
     *
     * @param schemes the accepted schemes
     * @param today   notification dates after it are refused
     */
    public ImportReport run(ImportRequest request, Set<String> schemes, LocalDate today) {
        if (jobs != null) {
            return jobs.runExclusive(NAME, "a claims import", () -> runNow(request, schemes, today));
        }
        if (!running.tryLock()) {
            throw new CampaignException("a claims import is running already; try again when it has finished");
        }
        try {
            return runNow(request, schemes, today);
        } finally {
            running.unlock();
        }
    }

    private ImportReport runNow(ImportRequest request, Set<String> schemes, LocalDate today) {
        long started = System.nanoTime();
        boolean copy = "PostgreSQL".equals(database.product());
        ImportReport report = database.inTransaction(c -> load(c, request, new ClaimsCsv(schemes, today), copy));
        LOG.info("Claims import {} by {}: {} rows read, {} created, {} updated, {} unchanged, {} rejected in {} ms",
                    request.source(), request.caller(), report.read(), report.created(), report.updated(),
                report.unchanged(), report.rejected(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private ImportReport load(Connection c, ImportRequest request, ClaimsCsv csv, boolean copy) throws SQLException {
        Writer rejectsOut = null;
        boolean empty;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT claim_ref FROM nhsla_claim FETCH FIRST 1 ROWS ONLY")) {
            empty = !rs.next();
        }
        if (copy) {
            try (Statement st = c.createStatement()) {
                // A first load copies into the table without its key and builds the key once at the end (measured:
                // half the server's work of keeping the index row by row); still one transaction, so a failed or
                // killed import leaves the empty table with its key. Readers wait for the commit meanwhile.
                st.execute(empty ? "ALTER TABLE nhsla_claim DROP CONSTRAINT " + KEY
                        : "CREATE TEMP TABLE " + STAGE + " (LIKE nhsla_claim) ON COMMIT DROP");
            }
        }
        try (PreparedStatement insert = copy ? null : c.prepareStatement(INSERT);
             PreparedStatement update = copy ? null : c.prepareStatement(UPDATE);
             PreparedStatement lookup = empty || copy ? null : c.prepareStatement(LOOKUP);
             BulkLoader bulk = copy ? database.bulkLoad(c, empty ? "nhsla_claim" : STAGE, COLUMNS) : null) {
            if (request.partial() && request.rejects() != null) {
                rejectsOut = Files.newBufferedWriter(request.rejects(), StandardCharsets.UTF_8);
            }
            Loader loader = new Loader(insert, update, lookup, bulk, request.partial(),
                    rejectsOut == null ? null : new CSVPrinter(rejectsOut, CSVFormat.RFC4180));
            try {
                csv.read(new BufferedReader(new InputStreamReader(request.data(), StandardCharsets.UTF_8), 1 << 16),
                        loader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + request.source() + ": " + e.getMessage(), e);
            }
            if (loader.rejected > 0 && !request.partial()) {
                throw refusal(loader.problems, loader.rejected);
            }
            loader.flush();
            loader.closeRejects();
            if (bulk != null) {
                long staged = bulk.finish();
                if (empty) {
                    loader.created = staged;
                    try (Statement st = c.createStatement()) {
                        // Room to sort the keys in memory (the default 64 MB spills a million to disk); this
                        // transaction only.
                        st.execute("SET LOCAL maintenance_work_mem = '256MB'");
                        st.execute("ALTER TABLE nhsla_claim ADD CONSTRAINT " + KEY + " PRIMARY KEY (claim_ref)");
                    }
                } else {
                    merge(c, loader, staged);
                }
            }
            loader.summary.apply(c, empty, copy ? database : null);
            List<Violation> problems = new ArrayList<>(loader.problems);
            for (Map.Entry<String, long[]> e : loader.nonMembers.entrySet()) {
                problems.add(Violation.atLine((int) e.getValue()[0], "ods_code", e.getKey(), "not a campaign member: "
                        + e.getValue()[1] + " claim(s) imported for it, counted in its profile once it joins"));
            }
            return new ImportReport(NAME, loader.read, loader.created, loader.updated, loader.unchanged,
                    loader.rejected, problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)),
                    rejectsOut == null ? null : request.rejects().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + request.rejects() + ": "
                    + e.getMessage(), e);
        } finally {
            if (rejectsOut != null) {
                try {
                    rejectsOut.close();
                } catch (IOException e) {
                    LOG.warn("Cannot close the rejects file {}", request.rejects(), e);
                }
            }
        }
    }

    /**
     * Merges the staged claims into {@code nhsla_claim} (PostgreSQL): the stored values of the staged references leave
     * the summary (the staged ones were added as they were read, so an unchanged claim cancels out), then changed
     * claims are updated and new ones inserted.
     */
    private static void merge(Connection c, Loader loader, long staged) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE " + STAGE); // a temp table has no statistics: without them the joins go badly
            // Room for the joins' hash tables in memory (the default 4 MB spills a million staged rows to disk);
            // this transaction only.
            st.execute("SET LOCAL work_mem = '64MB'");
            try (ResultSet rs = st.executeQuery("SELECT c.ods_code, c.notification_fy, c.specialty, c.cause, c.scheme,"
                    + " COUNT(*), SUM(c.damages_pence + c.defence_pence + c.claimant_pence) FROM nhsla_claim c"
                    + " JOIN " + STAGE + " s ON s.claim_ref = c.claim_ref"
                    + " GROUP BY c.ods_code, c.notification_fy, c.specialty, c.cause, c.scheme")) {
                while (rs.next()) {
                    loader.summary.subtract(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7));
                }
            }
            String values = "ods_code, scheme, specialty, cause, injury, incident_date, notification_date,"
                    + " notification_fy, status, damages_pence, defence_pence, claimant_pence";
            loader.updated = st.executeUpdate("UPDATE nhsla_claim c SET (" + values + ") = (" + prefixed("s", values)
                    + ") FROM " + STAGE + " s WHERE c.claim_ref = s.claim_ref AND (" + prefixed("c", values)
                    + ") IS DISTINCT FROM (" + prefixed("s", values) + ")");
            loader.created = st.executeUpdate("INSERT INTO nhsla_claim (" + COLS + ") SELECT " + COLS + " FROM "
                    + STAGE + " s WHERE NOT EXISTS (SELECT 1 FROM nhsla_claim c WHERE c.claim_ref = s.claim_ref)");
            loader.unchanged = staged - loader.updated - loader.created;
        }
    }

    private static String prefixed(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    private static ValidationException refusal(List<Violation> problems, long rejected) {
        List<Violation> list = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        list.add(Violation.of("file", null, rejected + " row(s) refused in all; nothing was imported"
                + " (import with --partial to import the valid rows and write the rejected ones to a file)"));
        return new ValidationException(list);
    }

    /** Validated rows to batched writes, with the counts; one per import. */
    private final class Loader implements ClaimsCsv.RowHandler {
        final PreparedStatement insert;
        final PreparedStatement update;
        final PreparedStatement lookup;
        /** PostgreSQL: valid rows go to COPY as read; counts come from the merge. */
        final BulkLoader bulk;
        final boolean partial;
        final CSVPrinter rejects;
        final List<Violation> problems = new ArrayList<>();
        final RefSet seen = new RefSet();
        final List<Claim> batch = new ArrayList<>(BATCH);
        final SummaryDelta summary = new SummaryDelta();
        /** Membership asked once per distinct code; first line and claim count of codes that are not members. */
        final Map<String, Boolean> members = new HashMap<>();
        final Map<String, long[]> nonMembers = new LinkedHashMap<>();
        long read;
        long created;
        long updated;
        long unchanged;
        long rejected;
        boolean headerWritten;

        Loader(PreparedStatement insert, PreparedStatement update, PreparedStatement lookup, BulkLoader bulk,
               boolean partial, CSVPrinter rejects) {
            this.insert = insert;
            this.update = update;
            this.lookup = lookup;
            this.bulk = bulk;
            this.partial = partial;
            this.rejects = rejects;
        }

        @Override
        public void claim(Claim claim) throws IOException {
            read++;
            int earlier = seen.add(claim.reference(), claim.line());
            if (earlier != 0) {
                reject(claim.line(), List.of(Violation.atLine((int) claim.line(), "claim_reference", claim.reference(),
                        "the claim reference is also at line " + earlier + "; a file lists each claim once")),
                        null, claim);
                return;
            }
            Boolean member = members.get(claim.odsCode());
            if (member == null) {
                member = members.size() < 50_000 ? isMember.test(claim.odsCode()) : Boolean.TRUE;
                members.put(claim.odsCode(), member);
            }
            if (!member) {
                nonMembers.computeIfAbsent(claim.odsCode(), k -> new long[] {claim.line(), 0})[1]++;
            }
            if (rejected > 0 && !partial) {
                return; // refused anyway: go on validating, stop writing
            }
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
        public void rejected(long line, List<Violation> violations, CSVRecord record) throws IOException {
            read++;
            reject(line, violations, record, null);
        }

        void reject(long line, List<Violation> violations, CSVRecord record, Claim claim) throws IOException {
            rejected++;
            for (Violation v : violations) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(v);
                }
            }
            if (rejects == null) {
                return;
            }
            if (!headerWritten) {
                // The rejected rows keep the file's own columns, in its order, after the line and the errors.
                List<String> header = new ArrayList<>(List.of("line", "errors"));
                header.addAll(record != null ? record.getParser().getHeaderNames() : ClaimsCsv.COLUMNS);
                rejects.printRecord(CsvCells.row(header));
                headerWritten = true;
            }
            List<String> row = new ArrayList<>();
            row.add(Long.toString(line));
            row.add(String.join("; ", violations.stream().map(Violation::toString).toList()));
            if (record != null) {
                record.forEach(row::add);
            } else {
                row.addAll(values(claim));
            }
            rejects.printRecord(CsvCells.row(row));
        }

        /** One valid row to COPY; the summary counts it now and the merge takes stored values back out. */
        private void copy(Claim claim) {
            try {
                bulk.value(claim.reference()).value(claim.odsCode()).value(claim.scheme()).value(claim.specialty())
                        .value(claim.cause()).value(claim.injury()).value(claim.incidentDate())
                        .value(claim.notificationDate()).value(claim.notificationYear()).value(claim.status().name())
                        .value(claim.damagesPence()).value(claim.defencePence()).value(claim.claimantPence());
                bulk.endRow();
            } catch (SQLException e) {
                throw new CampaignException("cannot write claims near line " + claim.line() + ": " + e.getMessage(), e);
            }
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

        void closeRejects() throws IOException {
            if (rejects != null) {
                rejects.flush();
            }
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
