package uk.nhs.safety.partner.nhsla.internal.claims;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.csv.CsvHeader;

/**
 * Reads and validates an NHS LA claims CSV as a stream, one row at a time, with commons-csv. The first line is the
 * header; columns are found by name (case, spaces, hyphens and underscores ignored) so their order does not matter.
 * Each row is handed on either as a {@link Claim} or as its violations (every problem of the row, each naming line,
 * column and value), never both. Holds nothing between rows: memory stays flat however long the file is.
 * Not thread-safe (one instance per import).
 */
public final class ClaimsCsv {

    /** The columns, in the order the generator and the rejects file write them. */
    public static final List<String> COLUMNS = List.of("claim_reference", "ods_code", "scheme", "specialty", "cause",
            "injury", "incident_date", "notification_date", "status", "damages_paid", "defence_costs",
            "claimant_costs");

    /** The longest claim reference, specialty, cause and injury the tables hold. */
    static final int MAX_REF = 40;
    static final int MAX_TEXT = 80;

    /** CNST covers incidents from 1 April 1995, ELS those before; CNSGP general practice from 1 April 2019. */
    static final LocalDate CNST_START = LocalDate.of(1995, 4, 1);
    static final LocalDate CNSGP_START = LocalDate.of(2019, 4, 1);

    /** What the reader hands on for each data row. */
    public interface RowHandler {
        /** A valid row. */
        void claim(Claim claim) throws IOException;

        /** An invalid row: its violations and its values as given. */
        void rejected(long line, List<Violation> violations, CSVRecord record) throws IOException;
    }

    private final Set<String> schemes;
    private final LocalDate today;

    /**
     * @param schemes the schemes accepted, upper case
     * @param today   notification dates after it are refused
     */
    public ClaimsCsv(Set<String> schemes, LocalDate today) {
        this.schemes = Set.copyOf(schemes);
        this.today = today;
    }

    /** The CSV dialect: RFC 4180 with a header line, blank lines skipped, values trimmed. */
    public static CSVFormat format() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
    }

    /**
     * Reads every row. A malformed header (a column missing) or CSV that cannot be parsed at all (an unclosed quote)
     * is a {@link ValidationException} at once; row problems go to the handler.
     *
     * @return the header as given in the file, in file order
     */
    public List<String> read(Reader in, RowHandler handler) throws IOException {
        try (CSVParser parser = header(in)) {
            CsvHeader.requireNames(parser.getHeaderNames());
            int[] index = columns(parser.getHeaderNames());
            try {
                for (CSVRecord record : parser) {
                    // The header is line 1; a record's number counts data rows from 1.
                    long line = record.getRecordNumber() + 1;
                    row(line, record, index, handler);
                }
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                // commons-csv reports malformed CSV (an unclosed quote) this way; say where it stopped.
                throw new ValidationException(Violation.atLine((int) Math.min(Integer.MAX_VALUE,
                        parser.getCurrentLineNumber()), "file", null, "malformed CSV: " + e.getMessage()));
            }
            return List.copyOf(parser.getHeaderNames());
        }
    }

    /** Opens the parser, which reads the header line: a header commons-csv cannot read is refused at line 1. */
    private static CSVParser header(Reader in) throws IOException {
        try {
            return format().parse(in);
        } catch (CSVException | IllegalArgumentException e) {
            throw new ValidationException(Violation.atLine(1, "header", null, "malformed CSV header: "
                    + e.getMessage()));
        }
    }

    private static int[] columns(List<String> header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normalise(header.get(i)), i);
        }
        int[] index = new int[COLUMNS.size()];
        List<Violation> missing = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Integer at = byName.get(normalise(COLUMNS.get(i)));
            if (at == null) {
                missing.add(Violation.atLine(1, COLUMNS.get(i), null, "the header has no column " + COLUMNS.get(i)
                        + "; expected " + String.join(",", COLUMNS)));
            } else {
                index[i] = at;
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        return index;
    }

    private static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '\uFEFF') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private void row(long line, CSVRecord record, int[] index, RowHandler handler) throws IOException {
        List<Violation> problems = null;
        String[] v = new String[COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = index[i] < record.size() ? record.get(index[i]) : null;
        }
        String ref = v[0];
        if (ref == null || ref.isEmpty()) {
            problems = add(problems, line, 0, ref, "a claim reference is required");
        } else if (ref.length() > MAX_REF || !referenceChars(ref)) {
            problems = add(problems, line, 0, ref,
                    "a claim reference is 1 to 40 letters, digits, '/', '-' or '.'");
        }
        String ods = v[1] == null ? "" : v[1].toUpperCase(Locale.ROOT);
        if (!odsCode(ods)) {
            problems = add(problems, line, 1, v[1], "an ODS code is 3 to 8 letters and digits");
        }
        String scheme = v[2] == null ? "" : v[2].toUpperCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            problems = add(problems, line, 2, v[2], "the scheme must be one of " + String.join(", ",
                    new java.util.TreeSet<>(schemes)));
        }
        for (int i = 3; i <= 5; i++) {
            String text = v[i] == null ? "" : v[i];
            if (i < 5 && text.isEmpty()) {
                problems = add(problems, line, i, v[i], "a " + COLUMNS.get(i) + " is required");
            } else if (text.length() > MAX_TEXT) {
                problems = add(problems, line, i, text, "at most " + MAX_TEXT + " characters");
            }
        }
        LocalDate incident = date(v[6]);
        if (incident == null) {
            problems = add(problems, line, 6, v[6], "a date as yyyy-mm-dd is required");
        }
        LocalDate notified = date(v[7]);
        if (notified == null) {
            problems = add(problems, line, 7, v[7], "a date as yyyy-mm-dd is required");
        } else if (notified.isAfter(today)) {
            problems = add(problems, line, 7, v[7], "the notification date is in the future");
        } else if (incident != null && incident.isAfter(notified)) {
            problems = add(problems, line, 6, v[6], "the incident date is after the notification date " + v[7]);
        }
        if (incident != null) {
            if (scheme.equals("CNST") && incident.isBefore(CNST_START)) {
                problems = add(problems, line, 2, v[2], "CNST covers incidents from 1995-04-01 (ELS before)");
            } else if (scheme.equals("ELS") && !incident.isBefore(CNST_START)) {
                problems = add(problems, line, 2, v[2], "ELS covers incidents before 1995-04-01 (CNST after)");
            } else if (scheme.equals("CNSGP") && incident.isBefore(CNSGP_START)) {
                problems = add(problems, line, 2, v[2], "CNSGP covers incidents from 2019-04-01");
            }
        }
        ClaimStatus status = v[8] == null ? null : ClaimStatus.parse(v[8]);
        if (status == null) {
            problems = add(problems, line, 8, v[8], "the status must be open, closed (without damages) or settled");
        }
        long[] money = new long[3];
        for (int i = 0; i < 3; i++) {
            money[i] = pence(v[9 + i]);
            if (money[i] < 0) {
                problems = add(problems, line, 9 + i, v[9 + i],
                        "an amount in pounds, not negative, at most 2 decimals (empty for none)");
            }
        }
        if (status == ClaimStatus.CLOSED && money[0] > 0) {
            problems = add(problems, line, 9, v[9], "a claim closed without damages cannot have damages paid");
        } else if (status == ClaimStatus.SETTLED && money[0] == 0) {
            problems = add(problems, line, 9, v[9], "a settled claim has damages paid");
        }
        if (problems != null) {
            handler.rejected(line, problems, record);
        } else {
            handler.claim(new Claim(line, ref, ods, scheme, v[3], v[4], v[5] == null ? "" : v[5], incident, notified,
                    status, money[0], money[1], money[2]));
        }
    }

    private static List<Violation> add(List<Violation> problems, long line, int column, String value,
                                       String message) {
        List<Violation> list = problems == null ? new ArrayList<>(2) : problems;
        list.add(Violation.atLine((int) Math.min(Integer.MAX_VALUE, line), COLUMNS.get(column), value, message));
        return list;
    }

    private static boolean referenceChars(String ref) {
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '/' || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    static boolean odsCode(String ods) {
        if (ods.length() < 3 || ods.length() > 8) {
            return false;
        }
        for (int i = 0; i < ods.length(); i++) {
            char c = ods.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** yyyy-mm-dd without the cost of a formatter (this runs a million times per large file), or null. */
    static LocalDate date(String text) {
        if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int y = digits(text, 0, 4);
        int m = digits(text, 5, 7);
        int d = digits(text, 8, 10);
        if (y < 1900 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null; // 2015-02-30 and the like: reported by the caller as a bad date
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Pounds with up to two decimals (an optional leading £) as pence; empty is 0; -1 when malformed. */
    static long pence(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int i = text.charAt(0) == '£' ? 1 : 0;
        if (i == text.length()) {
            return -1;
        }
        long pounds = 0;
        int digits = 0;
        for (; i < text.length() && text.charAt(i) != '.'; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || ++digits > 13) {
                return -1;
            }
            pounds = pounds * 10 + (c - '0');
        }
        long pence = 0;
        if (i < text.length()) {
            int decimals = text.length() - i - 1;
            if (decimals < 1 || decimals > 2) {
                return -1;
            }
            for (int k = i + 1; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c < '0' || c > '9') {
                    return -1;
                }
                pence = pence * 10 + (c - '0');
            }
            if (decimals == 1) {
                pence *= 10;
            }
        } else if (digits == 0) {
            return -1;
        }
        return pounds * 100 + pence;
    }
}
