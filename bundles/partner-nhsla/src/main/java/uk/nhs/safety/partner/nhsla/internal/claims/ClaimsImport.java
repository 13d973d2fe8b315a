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
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/**
 * The claims import: one pass over the file and one transaction. Valid rows are written in JDBC batches to the
 * staging table as they are read (so memory stays flat); when the whole file has been read and every row is valid
 * (or the import is partial), duplicates within the file are looked for in SQL, the created/updated/unchanged
 * counts are taken, and one {@code MERGE} (standard SQL, H2 2.2 and PostgreSQL 15) folds the staged rows into
 * {@code nhsla_claim} by claim reference, changing only rows that differ. Any refusal or crash before the commit
 * rolls everything back: the claims are exactly the old state or exactly the new one. Thread-safe; a second
 * concurrent import is refused.
 */
public final class ClaimsImport {

    /** The importer's name, as registered with core. */
    public static final String NAME = "nhsla-claims";

    /** How many problems a report or refusal carries at most; the counts say how many rows in all. */
    public static final int MAX_PROBLEMS = 300;

    /** Rows per JDBC batch: measured on H2, larger batches gained nothing. */
    static final int BATCH = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsImport.class);

    private static final String COLS = "claim_ref, ods_code, scheme, specialty, cause, injury, incident_date,"
            + " notification_date, notification_fy, status, damages_pence, defence_pence, claimant_pence";
    private static final String DIFFERS = "c.ods_code <> s.ods_code OR c.scheme <> s.scheme"
            + " OR c.specialty <> s.specialty OR c.cause <> s.cause OR c.injury <> s.injury"
            + " OR c.incident_date <> s.incident_date OR c.notification_date <> s.notification_date"
            + " OR c.status <> s.status OR c.damages_pence <> s.damages_pence"
            + " OR c.defence_pence <> s.defence_pence OR c.claimant_pence <> s.claimant_pence";

    private final PartnerDatabase database;
    private final Predicate<String> isMember;
    private final ReentrantLock running = new ReentrantLock();

    /**
     * @param database the partner's tables
     * @param isMember whether an ODS code is a campaign member (asked once per distinct code per import)
     */
    public ClaimsImport(PartnerDatabase database, Predicate<String> isMember) {
        this.database = database;
        this.isMember = isMember;
    }

    /**
     * Runs an import.
     *
     * @param schemes the accepted schemes
     * @param today   notification dates after it are refused
     */
    public ImportReport run(ImportRequest request, Set<String> schemes, LocalDate today) {
        if (!running.tryLock()) {
            throw new CampaignException("a claims import is running already; try again when it has finished");
        }
        try {
            long started = System.nanoTime();
            ImportReport report = database.inTransaction(c -> load(c, request, new ClaimsCsv(schemes, today)));
            LOG.info("Claims import {} by {}: {} rows read, {} created, {} updated, {} unchanged, {} rejected in {} ms",
                    request.source(), request.caller(), report.read(), report.created(), report.updated(),
                    report.unchanged(), report.rejected(), (System.nanoTime() - started) / 1_000_000);
            return report;
        } finally {
            running.unlock();
        }
    }

    private ImportReport load(Connection c, ImportRequest request, ClaimsCsv csv) throws SQLException {
        Writer rejectsOut = null;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO nhsla_claim_stage (line_no, " + COLS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            if (request.partial() && request.rejects() != null) {
                rejectsOut = Files.newBufferedWriter(request.rejects(), StandardCharsets.UTF_8);
            }
            Loader loader = new Loader(insert, request.partial(), rejectsOut == null ? null
                    : new CSVPrinter(rejectsOut, CSVFormat.RFC4180));
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
            duplicates(c, loader);
            if (loader.rejected > 0 && !request.partial()) {
                throw refusal(loader.problems, loader.rejected);
            }
            loader.closeRejects();
            long staged = loader.staged - loader.duplicatesRemoved;
            long created = count(c, "SELECT COUNT(*) FROM nhsla_claim_stage s WHERE NOT EXISTS"
                    + " (SELECT 1 FROM nhsla_claim c WHERE c.claim_ref = s.claim_ref)");
            long changed = created == staged ? 0 : count(c, "SELECT COUNT(*) FROM nhsla_claim_stage s"
                    + " JOIN nhsla_claim c ON c.claim_ref = s.claim_ref WHERE " + DIFFERS);
            try (Statement st = c.createStatement()) {
                if (created == staged) {
                    // Only new claims (the usual first load): a plain insert is cheaper than the merge.
                    st.executeUpdate("INSERT INTO nhsla_claim (" + COLS + ") SELECT " + COLS
                            + " FROM nhsla_claim_stage");
                } else {
                    st.executeUpdate("MERGE INTO nhsla_claim c USING nhsla_claim_stage s ON c.claim_ref = s.claim_ref"
                            + " WHEN MATCHED AND (" + DIFFERS + ") THEN UPDATE SET ods_code = s.ods_code,"
                            + " scheme = s.scheme, specialty = s.specialty, cause = s.cause, injury = s.injury,"
                            + " incident_date = s.incident_date, notification_date = s.notification_date,"
                            + " notification_fy = s.notification_fy, status = s.status,"
                            + " damages_pence = s.damages_pence, defence_pence = s.defence_pence,"
                            + " claimant_pence = s.claimant_pence"
                            + " WHEN NOT MATCHED THEN INSERT (" + COLS + ") VALUES (s.claim_ref, s.ods_code,"
                            + " s.scheme, s.specialty, s.cause, s.injury, s.incident_date, s.notification_date,"
                            + " s.notification_fy, s.status, s.damages_pence, s.defence_pence, s.claimant_pence)");
                }
                // Only this transaction's rows are visible to it, so this empties exactly what it staged.
                st.executeUpdate("DELETE FROM nhsla_claim_stage");
            }
            List<Violation> problems = new ArrayList<>(loader.problems);
            nonMembers(loader, problems);
            return new ImportReport(NAME, loader.read, created, changed, staged - created - changed, loader.rejected,
                    problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)),
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

    private static ValidationException refusal(List<Violation> problems, long rejected) {
        List<Violation> list = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        list.add(Violation.of("file", null, rejected + " row(s) refused in all; nothing was imported"
                + " (import with --partial to import the valid rows and write the rejected ones to a file)"));
        return new ValidationException(list);
    }

    /** A claim reference twice in one file is refused at every line after its first. */
    private static void duplicates(Connection c, Loader loader) throws SQLException, IOException {
        List<long[]> lines = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.line_no, s.claim_ref, f.first_line FROM nhsla_claim_stage s"
                     + " JOIN (SELECT claim_ref, MIN(line_no) AS first_line FROM nhsla_claim_stage GROUP BY claim_ref"
                     + " HAVING COUNT(*) > 1) f ON f.claim_ref = s.claim_ref WHERE s.line_no > f.first_line"
                     + " ORDER BY s.line_no")) {
            while (rs.next()) {
                lines.add(new long[] {rs.getLong(1), rs.getLong(3)});
                refs.add(rs.getString(2));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Violation v = Violation.atLine((int) lines.get(i)[0], "claim_reference", refs.get(i),
                    "the claim reference is also at line " + lines.get(i)[1] + "; a file lists each claim once");
            loader.reject(lines.get(i)[0], List.of(v), null);
        }
        if (!lines.isEmpty() && loader.partial) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM nhsla_claim_stage WHERE line_no = ?")) {
                for (long[] line : lines) {
                    delete.setLong(1, line[0]);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            loader.duplicatesRemoved = lines.size();
        }
    }

    private static void nonMembers(Loader loader, List<Violation> problems) {
        for (Map.Entry<String, long[]> e : loader.nonMembers.entrySet()) {
            problems.add(Violation.atLine((int) e.getValue()[0], "ods_code", e.getKey(), "not a campaign member: "
                    + e.getValue()[1] + " claim(s) imported for it, counted in its profile once it joins"));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Streams rows into the staging table in batches and keeps the counts; one per import. */
    private final class Loader implements ClaimsCsv.RowHandler {
        final PreparedStatement insert;
        final boolean partial;
        final CSVPrinter rejects;
        final List<Violation> problems = new ArrayList<>();
        /** Membership asked once per distinct code; first line and claim count of codes that are not members. */
        final Map<String, Boolean> members = new HashMap<>();
        final Map<String, long[]> nonMembers = new LinkedHashMap<>();
        long read;
        long staged;
        long rejected;
        long duplicatesRemoved;
        int pending;
        boolean headerWritten;

        Loader(PreparedStatement insert, boolean partial, CSVPrinter rejects) throws IOException {
            this.insert = insert;
            this.partial = partial;
            this.rejects = rejects;
        }

        @Override
        public void claim(Claim claim) {
            read++;
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
            try {
                insert.setLong(1, claim.line());
                insert.setString(2, claim.reference());
                insert.setString(3, claim.odsCode());
                insert.setString(4, claim.scheme());
                insert.setString(5, claim.specialty());
                insert.setString(6, claim.cause());
                insert.setString(7, claim.injury());
                insert.setDate(8, Date.valueOf(claim.incidentDate()));
                insert.setDate(9, Date.valueOf(claim.notificationDate()));
                insert.setInt(10, claim.notificationYear());
                insert.setString(11, claim.status().name());
                insert.setLong(12, claim.damagesPence());
                insert.setLong(13, claim.defencePence());
                insert.setLong(14, claim.claimantPence());
                insert.addBatch();
                staged++;
                if (++pending == BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new CampaignException("cannot stage line " + claim.line() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void rejected(long line, List<Violation> violations, CSVRecord record) throws IOException {
            read++;
            reject(line, violations, record);
        }

        void reject(long line, List<Violation> violations, CSVRecord record) throws IOException {
            rejected++;
            for (Violation v : violations) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(v);
                }
            }
            if (rejects != null) {
                if (!headerWritten) {
                    // The rejected rows keep the file's own columns, in its order, after the line and the errors.
                    List<String> header = new ArrayList<>(List.of("line", "errors"));
                    header.addAll(record != null ? record.getParser().getHeaderNames() : List.of("claim_reference"));
                    rejects.printRecord(header);
                    headerWritten = true;
                }
                List<String> row = new ArrayList<>();
                row.add(Long.toString(line));
                row.add(String.join("; ", violations.stream().map(Violation::toString).toList()));
                if (record != null) {
                    record.forEach(row::add);
                } else {
                    row.add(violations.get(0).value()); // a duplicate: its claim reference
                }
                rejects.printRecord(row);
            }
        }

        void flush() {
            if (pending == 0) {
                return;
            }
            try {
                insert.executeBatch();
                pending = 0;
            } catch (SQLException e) {
                throw new CampaignException("cannot stage claims: " + e.getMessage(), e);
            }
        }

        void closeRejects() throws IOException {
            if (rejects != null) {
                rejects.flush();
            }
        }
    }
}
