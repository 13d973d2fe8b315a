package uk.nhs.safety.partner.nhsi.internal.incidents;

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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;

/**
 * The incident-count import: one pass over the file inside one transaction. Rows are validated as they are read;
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

    /** How many problems a report or refusal carries at most; the counts say how many rows in all. */
    public static final int MAX_PROBLEMS = 300;

    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(IncidentImport.class);

    /** The staging table of a PostgreSQL import: a TEMP table of the import's transaction. */
    private static final String STAGE = "nhsi_incident_stage";
    /** The incidents table's primary key, as PostgreSQL names it. */
    private static final String KEY = "nhsi_incident_pkey";
    private static final List<String> COLUMNS = List.of("ods_code", "period", "category", "harm", "incidents");

    private final PartnerDatabase database;
    private final Predicate<String> isMember;
    /** Null outside a container (tests): then {@link #running} refuses a second import in this JVM only. */
    private final ClusterJobs jobs;
    private final ReentrantLock running = new ReentrantLock();

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
        this.jobs = jobs;
    }

    /**
     * Runs an import.
     *
     * @param catalogue the catalogue whose categories the file may use
     * @param latest    the latest month accepted
     */
    public ImportReport run(ImportRequest request, Catalogue catalogue, YearMonth latest) {
        if (jobs != null) {
            return jobs.runExclusive(NAME, "an incident import", () -> runNow(request, catalogue, latest));
        }
        if (!running.tryLock()) {
            throw new CampaignException("an incident import is running already; try again when it has finished");
        }
        try {
            return runNow(request, catalogue, latest);
        } finally {
            running.unlock();
        }
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
        boolean empty;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ods_code FROM nhsi_incident FETCH FIRST 1 ROWS ONLY")) {
            empty = !rs.next();
        }
        if (copy) {
            try (Statement st = c.createStatement()) {
                // A first load copies into the table without its key and builds the key once at the end (as the
                // claims import: measured there, half the server's work of keeping the index row by row); one
                // transaction still, so a failed or killed import leaves the empty table with its key.
                st.execute(empty ? "ALTER TABLE nhsi_incident DROP CONSTRAINT " + KEY
                        : "CREATE TEMP TABLE " + STAGE + " (LIKE nhsi_incident) ON COMMIT DROP");
            }
        }
        Writer rejectsOut = null;
        try (PreparedStatement insert = copy ? null : c.prepareStatement("INSERT INTO nhsi_incident (ods_code,"
                + " period, category, harm, incidents) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement update = copy ? null : c.prepareStatement("UPDATE nhsi_incident SET incidents = ?"
                     + " WHERE ods_code = ? AND period = ? AND category = ? AND harm = ?");
             PreparedStatement lookup = copy || empty ? null : c.prepareStatement("SELECT incidents FROM"
                     + " nhsi_incident WHERE ods_code = ? AND period = ? AND category = ? AND harm = ?");
             BulkLoader bulk = copy ? database.bulkLoad(c, empty ? "nhsi_incident" : STAGE, COLUMNS) : null) {
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
            if (loader.rejects != null) {
                loader.rejects.flush();
            }
            if (bulk != null) {
                long staged = bulk.finish();
                if (empty) {
                    loader.created = staged;
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL maintenance_work_mem = '256MB'"); // sort the keys in memory
                        st.execute("ALTER TABLE nhsi_incident ADD CONSTRAINT " + KEY
                                + " PRIMARY KEY (ods_code, period, category, harm)");
                    }
                } else {
                    merge(c, loader, staged);
                }
            }
            List<Violation> problems = new ArrayList<>(loader.problems);
            for (Map.Entry<String, long[]> e : loader.nonMembers.entrySet()) {
                problems.add(Violation.atLine((int) e.getValue()[0], "ods_code", e.getKey(), "not a campaign member: "
                        + e.getValue()[1] + " row(s) imported for it, counted once it joins"));
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

    private static ValidationException refusal(List<Violation> problems, long rejected) {
        List<Violation> list = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        list.add(Violation.of("file", null, rejected + " row(s) refused in all; nothing was imported"
                + " (import with --partial to import the valid rows and write the rejected ones to a file)"));
        return new ValidationException(list);
    }

    /** Validated rows to batched writes, with the counts; one per import. */
    private final class Loader implements IncidentCsv.RowHandler {
        final PreparedStatement insert;
        final PreparedStatement update;
        final PreparedStatement lookup;
        /** PostgreSQL: valid rows go to COPY as read; counts come from the merge. */
        final BulkLoader bulk;
        final boolean partial;
        final CSVPrinter rejects;
        final List<Violation> problems = new ArrayList<>();
        final Map<String, Long> seen = new HashMap<>();
        final Map<String, Boolean> members = new HashMap<>();
        final Map<String, long[]> nonMembers = new LinkedHashMap<>();
        int inserts;
        int updates;
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
        public void row(IncidentRow row) throws IOException {
            read++;
            Long earlier = seen.putIfAbsent(row.key(), row.line());
            if (earlier != null) {
                reject(row.line(), List.of(Violation.atLine((int) row.line(), "ods_code/month/category/degree_of_harm",
                        row.odsCode() + "," + row.month() + "," + row.category() + "," + row.harm().label(),
                        "the same member, month, category and harm is also at line " + earlier
                                + "; a file lists each once")), null, row);
                return;
            }
            Boolean member = members.computeIfAbsent(row.odsCode(), isMember::test);
            if (!member) {
                nonMembers.computeIfAbsent(row.odsCode(), k -> new long[] {row.line(), 0})[1]++;
            }
            if (rejected > 0 && !partial) {
                return; // refused anyway: go on validating, stop writing
            }
            try {
                write(row);
            } catch (SQLException e) {
                throw new CampaignException("cannot write incidents near line " + row.line() + ": "
                        + e.getMessage(), e);
            }
        }

        private void write(IncidentRow row) throws SQLException {
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

        @Override
        public void rejected(long line, List<Violation> violations, CSVRecord record) throws IOException {
            read++;
            reject(line, violations, record, null);
        }

        void reject(long line, List<Violation> violations, CSVRecord record, IncidentRow row) throws IOException {
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
                List<String> header = new ArrayList<>(List.of("line", "errors"));
                header.addAll(record != null ? record.getParser().getHeaderNames() : IncidentCsv.COLUMNS);
                rejects.printRecord(CsvCells.row(header));
                headerWritten = true;
            }
            List<String> out = new ArrayList<>();
            out.add(Long.toString(line));
            out.add(String.join("; ", violations.stream().map(Violation::toString).toList()));
            if (record != null) {
                record.forEach(out::add);
            } else {
                out.addAll(List.of(row.odsCode(), row.month().toString(), row.category(), row.harm().label(),
                        Long.toString(row.count())));
            }
            rejects.printRecord(CsvCells.row(out));
        }
    }
}
