package uk.nhs.safety.campaign.model.internal.ods;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * Reads an ODS trust extract (the headerless "etr" format: 1 code, 2 name, 10 postcode, 11 open date, 12 close
 * date, 24 region letter). All or nothing: every problem in the file is collected and reported in one
 * {@link ValidationException}.
 */
public final class OdsExtractParser {

    /** Fewer columns than this and the row lacks its postcode column: the file is not an etr extract. */
    static final int MIN_COLUMNS = 10;

    private static final int CODE = 0;
    private static final int NAME = 1;
    private static final int POSTCODE = 9;
    private static final int OPEN_DATE = 10;
    private static final int CLOSE_DATE = 11;
    private static final int REGION = 23;

    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    /** Government Office Region letters as ODS uses them; C is the pre-1998 Merseyside code, now North West. */
    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("A", "North East"),
            Map.entry("B", "North West"),
            Map.entry("C", "North West"),
            Map.entry("D", "Yorkshire and the Humber"),
            Map.entry("E", "East Midlands"),
            Map.entry("F", "West Midlands"),
            Map.entry("G", "East of England"),
            Map.entry("H", "London"),
            Map.entry("J", "South East"),
            Map.entry("K", "South West"),
            Map.entry("W", "Wales"));

    // Blank lines are kept (not skipped) so the parser's line count stays in step with the records.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final TrustClassifier classifier;

    /** Classifies trusts with the classification file shipped with the bundle. */
    public OdsExtractParser() {
        this(new TrustClassifier());
    }

    public OdsExtractParser(TrustClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Parses the whole extract. All or nothing: any bad row gives a {@link ValidationException} listing every
     * bad line and field.
     *
     * @param in         the extract; not closed by this method
     * @param sourceName the file name, for messages
     */
    public List<OdsRecord> parse(Reader in, String sourceName) {
        List<OdsRecord> records = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> firstLineOfCode = new HashMap<>();
        try {
            // Not closed here: closing it would close the caller's reader.
            CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
            Iterator<CSVRecord> rows = parser.iterator();
            long endOfPrevious = 0;
            // hasNext() reads the next record, so the parser's line count then stands at that record's end.
            while (rows.hasNext()) {
                int line = (int) endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                CSVRecord row = rows.next();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                OdsRecord record = read(row, line, violations);
                if (record == null) {
                    continue;
                }
                Integer first = firstLineOfCode.putIfAbsent(record.odsCode(), line);
                if (first != null) {
                    violations.add(Violation.atLine(line, "code", record.odsCode(),
                            "duplicate code: already given on line " + first));
                } else {
                    records.add(record);
                }
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw new UncheckedIOException("cannot read " + sourceName, e.getCause());
            }
            // Malformed quoting (e.g. a quote never closed) is bad input, not a failure to read.
            violations.add(Violation.of("file", sourceName, "not valid CSV: " + e.getCause().getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
        if (violations.isEmpty() && records.isEmpty()) {
            violations.add(Violation.of("file", sourceName, "the extract is empty: no trust rows"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return List.copyOf(records);
    }

    /** The row as a record, or null when it has violations (added to {@code violations}). */
    private OdsRecord read(CSVRecord row, int line, List<Violation> violations) {
        if (row.size() < MIN_COLUMNS) {
            violations.add(Violation.atLine(line, "columns", row.size(),
                    "a trust row needs at least " + MIN_COLUMNS + " columns (code to postcode), found " + row.size()));
            return null;
        }
        int before = violations.size();
        String code = column(row, CODE).toUpperCase(Locale.ROOT);
        if (!OrganisationType.ACUTE.accepts(code)) {
            violations.add(Violation.atLine(line, "code", column(row, CODE), "not a trust code: "
                    + OrganisationType.ACUTE.codeRule()));
        }
        String name = column(row, NAME);
        if (name.isEmpty()) {
            violations.add(Violation.atLine(line, "name", null, "the name is empty"));
        }
        LocalDate open = date(row, OPEN_DATE, line, "open date", violations);
        LocalDate close = date(row, CLOSE_DATE, line, "close date", violations);
        if (open != null && close != null && close.isBefore(open)) {
            violations.add(Violation.atLine(line, "close date", column(row, CLOSE_DATE),
                    "the close date is before the open date " + column(row, OPEN_DATE)));
        }
        String letter = column(row, REGION).toUpperCase(Locale.ROOT);
        String region = letter.isEmpty() ? null : REGIONS.get(letter);
        if (!letter.isEmpty() && region == null) {
            violations.add(Violation.atLine(line, "region", column(row, REGION),
                    "unknown region letter; one of " + String.join(", ", REGIONS.keySet().stream().sorted().toList())));
        }
        if (violations.size() > before) {
            return null;
        }
        String postcode = column(row, POSTCODE);
        return new OdsRecord(line, code, name, classifier.classify(code, name), region,
                postcode.isEmpty() ? null : postcode, open, close);
    }

    private static LocalDate date(CSVRecord row, int index, int line, String field, List<Violation> violations) {
        String text = column(row, index);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, YYYYMMDD);
        } catch (DateTimeParseException e) {
            violations.add(Violation.atLine(line, field, text, "not a real date in the form YYYYMMDD"));
            return null;
        }
    }

    /** The trimmed column, or "" when the row is shorter (trailing empty columns are optional). */
    private static String column(CSVRecord row, int index) {
        return index < row.size() ? row.get(index).trim() : "";
    }
}
