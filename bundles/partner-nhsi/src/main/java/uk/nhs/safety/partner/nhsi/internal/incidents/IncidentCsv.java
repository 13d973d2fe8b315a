package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.csv.CsvHeader;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;

/**
 * Reads and validates an incident-count CSV as a stream with commons-csv: a header line naming the columns
 * {@value #HEADER} (any order; case, spaces, hyphens and underscores ignored), then one row per member, month,
 * category and degree of harm. Each row is handed on either as an {@link IncidentRow} or as all its violations (each
 * naming line, column and value), never both; nothing is kept between rows. Not thread-safe (one per import).
 */
public final class IncidentCsv {

    /** The header as the generator and the documentation write it. */
    public static final String HEADER = "ods_code,month,category,degree_of_harm,count";

    /** The columns, in that order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The national reporting system (NRLS) started collecting reports in 2003; nothing before is accepted. */
    static final YearMonth EARLIEST = YearMonth.of(2003, 1);

    /** More incidents than this in one row is a typo, not a count (the largest trusts report ~2,000 a month). */
    static final long MAX_COUNT = 1_000_000;

    /** What the reader hands on for each data row. */
    public interface RowHandler {
        /** A valid row. */
        void row(IncidentRow row) throws IOException;

        /** An invalid row: its violations and its values as given. */
        void rejected(long line, List<Violation> violations, CSVRecord record) throws IOException;
    }

    private final Catalogue catalogue;
    private final YearMonth latest;

    /**
     * @param catalogue the catalogue whose incident categories a file may use
     * @param latest    the latest month a file may report (the current one)
     */
    public IncidentCsv(Catalogue catalogue, YearMonth latest) {
        this.catalogue = catalogue;
        this.latest = latest;
    }

    /** RFC 4180 with a header line, blank lines skipped, values trimmed. */
    public static CSVFormat format() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
    }

    /**
     * Reads every row. A header without a required column, or CSV that cannot be parsed (an unclosed quote), is a
     * {@link ValidationException} at once; row problems go to the handler.
     */
    public void read(Reader in, RowHandler handler) throws IOException {
        try (CSVParser parser = header(in)) {
            CsvHeader.requireNames(parser.getHeaderNames());
            int[] index = columns(parser.getHeaderNames());
            try {
                for (CSVRecord record : parser) {
                    row(record.getRecordNumber() + 1, record, index, handler);
                }
            } catch (IllegalStateException | UncheckedIOException e) {
                throw new ValidationException(Violation.atLine((int) Math.min(Integer.MAX_VALUE,
                        parser.getCurrentLineNumber()), "file", null, "malformed CSV: " + e.getMessage()));
            }
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
                        + "; expected " + HEADER));
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
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\uFEFF]", "");
    }

    private void row(long line, CSVRecord record, int[] index, RowHandler handler) throws IOException {
        List<Violation> problems = new ArrayList<>(2);
        String[] v = new String[COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = index[i] < record.size() ? record.get(index[i]) : null;
        }
        int at = (int) Math.min(Integer.MAX_VALUE, line);
        String ods = v[0] == null ? "" : v[0].toUpperCase(Locale.ROOT);
        if (!ods.matches("[A-Z0-9]{3,8}")) {
            problems.add(Violation.atLine(at, "ods_code", v[0], "an ODS code is 3 to 8 letters and digits"));
        }
        YearMonth month = month(v[1]);
        if (month == null) {
            problems.add(Violation.atLine(at, "month", v[1], "a month as yyyy-mm is required"));
        } else if (month.isAfter(latest)) {
            problems.add(Violation.atLine(at, "month", v[1], "the month is in the future (latest " + latest + ")"));
        } else if (month.isBefore(EARLIEST)) {
            problems.add(Violation.atLine(at, "month", v[1], "the national reporting system has no data before "
                    + EARLIEST));
        }
        var category = catalogue.category(v[2]);
        if (category.isEmpty()) {
            problems.add(Violation.atLine(at, "category", v[2], "not an incident category of catalogue "
                    + catalogue.version() + "; one of " + String.join(", ",
                    catalogue.incidentCategories().stream().map(Catalogue.IncidentCategory::key).toList())));
        }
        Harm harm = Harm.parse(v[3]);
        if (harm == null) {
            problems.add(Violation.atLine(at, "degree_of_harm", v[3],
                    "the degree of harm is no harm, low, moderate, severe or death"));
        }
        long count = count(v[4]);
        if (count < 0) {
            problems.add(Violation.atLine(at, "count", v[4], "a whole number from 0 to " + MAX_COUNT));
        }
        if (!problems.isEmpty()) {
            handler.rejected(line, problems, record);
        } else {
            handler.row(new IncidentRow(line, ods, month, category.get().key(), harm, count));
        }
    }

    static YearMonth month(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null; // 2015-13: the caller reports it as a bad month
        }
    }

    static long count(String text) {
        if (text == null || !text.matches("\\d{1,7}")) {
            return -1;
        }
        long n = Long.parseLong(text);
        return n > MAX_COUNT ? -1 : n;
    }
}
