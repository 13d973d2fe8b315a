package uk.nhs.safety.campaign.api.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes CSV cells safe to open in a spreadsheet: a text cell that a spreadsheet would run as a formula (one starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading single quote, as OWASP's
 * "CSV Injection" guidance recommends, so it shows as text. Numbers are never changed: a {@link Number} is written
 * as it is, and so is text that is exactly a decimal number ({@code -12.5}, {@code +44}, {@code 1e-3}), which no
 * spreadsheet runs as a formula. Every CSV file the platform writes passes its cells through here (quoting of
 * commas, quotes and line breaks stays the CSV printer's job).
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCells() {
    }

    /** The text as a safe cell: unchanged unless it would start a formula; {@code null} stays {@code null}. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty() || !risky(text.charAt(0)) || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** One cell: a {@link Number} as it is, anything else as {@link #neutralise(String) neutralised} text. */
    public static Object cell(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        return neutralise(String.valueOf(value));
    }

    /** A row of cells, each through {@link #cell(Object)}; for {@code CSVPrinter.printRecord(...)}. */
    public static Object[] row(Object... values) {
        return Arrays.stream(values).map(CsvCells::cell).toArray();
    }

    /** A row of cells, each through {@link #cell(Object)}. */
    public static List<Object> row(Iterable<?> values) {
        List<Object> cells = new ArrayList<>();
        values.forEach(v -> cells.add(cell(v)));
        return cells;
    }

    private static boolean risky(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
