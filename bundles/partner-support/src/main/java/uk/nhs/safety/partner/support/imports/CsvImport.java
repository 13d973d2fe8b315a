package uk.nhs.safety.partner.support.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.csv.CsvCells;
import uk.nhs.safety.campaign.api.csv.CsvHeader;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;

/**
 * The partners' CSV import loop, written once: reads a CSV file as a stream with commons-csv (a header line naming
 * the columns in any order, case, spaces, hyphens and underscores ignored; RFC 4180; blank lines skipped; values
 * trimmed), has each row validated by the partner's parser (every problem of a row, each naming line, column and
 * value), refuses a key listed twice at its second line, notes rows about organisations that are not campaign members
 * (imported, reported once per code), counts, writes the rejected rows with their errors to the rejects file of a
 * partial import (the file's own columns after {@code line,errors}; formula cells neutralised) and hands each valid
 * row to the partner's {@link Loader}. Once a row is refused (and the import is not partial) nothing more is loaded but
 * every row is still checked, and the import ends by throwing every problem ({@link ImportProblems#refusal}): run
 * inside the loader's transaction, that rolls it all back. Memory stays flat: 12 bytes per row for the keys, one
 * entry per distinct ODS code (up to 50,000).
 *
 * <p>Configure once per import ({@link #unique}, {@link #members}), then {@link #run}. Not thread-safe.
 *
 * @param <R> a valid row, as the parser makes it
 */
public final class CsvImport<R> {

    /** The membership of more distinct codes than this is not asked (a bound on memory); they count as members. */
    static final int MAX_CODES = 50_000;

    /** Where valid rows go: typically a table, in the caller's transaction. */
    public interface Loader<R> {
        /** A valid row, in file order. */
        void load(R row) throws SQLException;

        /** After the last row of an accepted file: what the rows did to the stored data. */
        Written finish() throws SQLException;
    }

    /** What an accepted file's valid rows did: rows created, updated (changed) and left as they were. */
    public record Written(long created, long updated, long unchanged) {
    }

    /** Validates one row: records every problem on the row and answers the value (anything when refused). */
    public interface RowParser<R> {
        R parse(CsvRow row);
    }

    private final String importer;
    private final List<String> columns;
    private final RowParser<R> parser;
    private Function<R, String> key;
    private String keyField;
    private Function<R, String> keyShown;
    private String keySubject;
    private String keyEach;
    private Function<R, String> odsCode;
    private Predicate<String> isMember;
    private String nonMemberNote;

    /**
     * @param importer the importer's name, as registered with core (the report carries it)
     * @param columns  the columns a file must have, as the documentation, the generators and the errors name them
     * @param parser   validates a row
     */
    public CsvImport(String importer, List<String> columns, RowParser<R> parser) {
        this.importer = Objects.requireNonNull(importer);
        this.columns = List.copyOf(columns);
        this.parser = Objects.requireNonNull(parser);
    }

    /** The CSV dialect: RFC 4180 with a header line, blank lines skipped, values trimmed. */
    public static CSVFormat format() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
    }

    /**
     * A file lists each key once: a repeat is refused at its second line as
     * {@code line N, <field> '<shown>': <subject> is also at line M; a file lists <each> once}.
     */
    public CsvImport<R> unique(Function<R, String> key, String field, Function<R, String> shown, String subject,
                               String each) {
        this.key = key;
        this.keyField = field;
        this.keyShown = shown;
        this.keySubject = subject;
        this.keyEach = each;
        return this;
    }

    /**
     * Rows about organisations that are not campaign members are loaded and reported once per code, at its first
     * line: {@code not a campaign member: <n> <note>}. Membership is asked once per distinct code.
     */
    public CsvImport<R> members(Function<R, String> odsCode, Predicate<String> isMember, String note) {
        this.odsCode = odsCode;
        this.isMember = isMember;
        this.nonMemberNote = note;
        return this;
    }

    /**
     * Reads {@code request}'s file (UTF-8) into {@code loader}.
     *
     * @throws ValidationException  when the header lacks a column, the CSV is malformed, or a row is refused and the
     *                              import is not partial
     * @throws UncheckedIOException when the file cannot be read or the rejects written
     */
    public ImportReport run(ImportRequest request, Loader<R> loader) throws SQLException {
        try (Writer rejectsOut = request.partial() && request.rejects() != null
                ? Files.newBufferedWriter(request.rejects(), StandardCharsets.UTF_8) : null) {
            Run run = new Run(loader, request.partial(),
                    rejectsOut == null ? null : new CSVPrinter(rejectsOut, CSVFormat.RFC4180));
            try {
                read(new BufferedReader(new InputStreamReader(request.data(), StandardCharsets.UTF_8), 1 << 16), run);
            } catch (IOException e) {
                if (e == run.rejectsFailure) {
                    throw e;
                }
                throw new UncheckedIOException("cannot read " + request.source() + ": " + e.getMessage(), e);
            }
            if (run.rejected > 0 && !request.partial()) {
                throw ImportProblems.refusal(run.problems, run.rejected, "row", true);
            }
            if (run.rejects != null) {
                run.rejects.flush();
            }
            Written written = loader.finish();
            List<Violation> problems = new ArrayList<>(run.problems);
            for (Map.Entry<String, long[]> e : run.nonMembers.entrySet()) {
                problems.add(Violation.atLine((int) e.getValue()[0], "ods_code", e.getKey(), "not a campaign member: "
                        + e.getValue()[1] + " " + nonMemberNote));
            }
            return new ImportReport(importer, run.read, written.created(), written.updated(), written.unchanged(),
                    run.rejected, ImportProblems.capped(problems),
                    rejectsOut == null ? null : request.rejects().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + request.rejects() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates every row of {@code in} and nothing more (no counts, keys, members or rejects): each valid
     * row to {@code valid}, each refused one's problems to {@code refused}. For tests and the parse-only bench.
     */
    public void parse(Reader in, RowSink<R> valid, RowSink<List<Violation>> refused) throws IOException {
        try (CSVParser csv = open(in)) {
            CsvRow row = new CsvRow(columns, columns(csv.getHeaderNames()));
            try {
                for (CSVRecord record : csv) {
                    row.reset(record.getRecordNumber() + 1, record);
                    R value = parser.parse(row);
                    if (row.refused()) {
                        refused.accept(row.problems());
                    } else {
                        valid.accept(value);
                    }
                }
            } catch (IllegalStateException | UncheckedIOException e) {
                throw malformed(csv, e);
            }
        }
    }

    /** Takes rows one by one. */
    public interface RowSink<T> {
        void accept(T value) throws IOException;
    }

    private void read(Reader in, Run run) throws IOException, SQLException {
        try (CSVParser csv = open(in)) {
            CsvRow row = new CsvRow(columns, columns(csv.getHeaderNames()));
            try {
                for (CSVRecord record : csv) {
                    // The header is line 1; a record's number counts data rows from 1.
                    row.reset(record.getRecordNumber() + 1, record);
                    R value = parser.parse(row);
                    if (row.refused()) {
                        run.reject(row.line(), row.problems(), record);
                    } else {
                        run.accept(row.line(), value, record);
                    }
                }
            } catch (IllegalStateException | UncheckedIOException e) {
                // commons-csv reports malformed CSV (an unclosed quote) this way; say where it stopped.
                throw malformed(csv, e);
            }
        }
    }

    private static RuntimeException malformed(CSVParser csv, RuntimeException e) {
        return new ValidationException(Violation.atLine((int) Math.min(Integer.MAX_VALUE,
                csv.getCurrentLineNumber()), "file", null, "malformed CSV: " + e.getMessage()));
    }

    /** Opens the parser, which reads the header line: a header commons-csv cannot read is refused at line 1. */
    private static CSVParser open(Reader in) throws IOException {
        CSVParser csv;
        try {
            csv = format().parse(in);
        } catch (CSVException | IllegalArgumentException e) {
            throw new ValidationException(Violation.atLine(1, "header", null,
                    "malformed CSV header: " + e.getMessage()));
        }
        try {
            CsvHeader.requireNames(csv.getHeaderNames());
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
        return csv;
    }

    /** Each column's position in the file; every column missing from the header is refused at line 1. */
    private int[] columns(List<String> header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normalise(header.get(i)), i);
        }
        int[] index = new int[columns.size()];
        List<Violation> missing = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Integer at = byName.get(normalise(columns.get(i)));
            if (at == null) {
                missing.add(Violation.atLine(1, columns.get(i), null, "the header has no column " + columns.get(i)
                        + "; expected " + String.join(",", columns)));
            } else {
                index[i] = at;
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        return index;
    }

    /** A column name without case, white space, '_', '-' or a byte order mark. */
    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '\uFEFF') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** One file's counts, problems and rejects. */
    private final class Run {
        final Loader<R> loader;
        final boolean partial;
        final CSVPrinter rejects;
        final List<Violation> problems = new ArrayList<>();
        final KeyLines seen = new KeyLines();
        /** Membership asked once per distinct code; first line and row count of codes that are not members. */
        final Map<String, Boolean> members = new HashMap<>();
        final Map<String, long[]> nonMembers = new LinkedHashMap<>();
        long read;
        long rejected;
        boolean headerWritten;
        IOException rejectsFailure;

        Run(Loader<R> loader, boolean partial, CSVPrinter rejects) {
            this.loader = loader;
            this.partial = partial;
            this.rejects = rejects;
        }

        void accept(long line, R row, CSVRecord record) throws IOException, SQLException {
            read++;
            if (key != null) {
                int earlier = seen.add(key.apply(row), line);
                if (earlier != 0) {
                    rejected(line, List.of(Violation.atLine((int) Math.min(Integer.MAX_VALUE, line), keyField,
                            keyShown.apply(row), keySubject + " is also at line " + earlier + "; a file lists "
                                    + keyEach + " once")), record);
                    return;
                }
            }
            if (odsCode != null) {
                String code = odsCode.apply(row);
                Boolean member = members.get(code);
                if (member == null) {
                    member = members.size() < MAX_CODES ? isMember.test(code) : Boolean.TRUE;
                    members.put(code, member);
                }
                if (!member) {
                    nonMembers.computeIfAbsent(code, k -> new long[] {line, 0})[1]++;
                }
            }
            if (rejected > 0 && !partial) {
                return; // refused anyway: go on validating, stop writing
            }
            try {
                loader.load(row);
            } catch (SQLException e) {
                throw new CampaignException("cannot load the row at line " + line + ": " + e.getMessage(), e);
            }
        }

        void reject(long line, List<Violation> violations, CSVRecord record) throws IOException {
            read++;
            rejected(line, violations, record);
        }

        private void rejected(long line, List<Violation> violations, CSVRecord record) throws IOException {
            rejected++;
            for (Violation v : violations) {
                if (problems.size() < ImportProblems.MAX) {
                    problems.add(v);
                }
            }
            if (rejects == null) {
                return;
            }
            try {
                if (!headerWritten) {
                    // The rejected rows keep the file's own columns, in its order, after the line and the errors.
                    List<String> header = new ArrayList<>(List.of("line", "errors"));
                    header.addAll(record.getParser().getHeaderNames());
                    rejects.printRecord(CsvCells.row(header));
                    headerWritten = true;
                }
                List<String> out = new ArrayList<>(record.size() + 2);
                out.add(Long.toString(line));
                out.add(String.join("; ", violations.stream().map(Violation::toString).toList()));
                record.forEach(out::add);
                rejects.printRecord(CsvCells.row(out));
            } catch (IOException e) {
                rejectsFailure = e;
                throw e;
            }
        }
    }
}
