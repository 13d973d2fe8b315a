package uk.nhs.safety.partner.support.imports;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.Violation;

/**
 * One data row of a CSV file as {@link CsvImport} hands it to a row parser: its line and its cells by the import's
 * column number (whatever their order in the file), and the problems the parser finds, each naming line, column and
 * value. One instance serves every row of a file (a million rows, no garbage each): valid only during the call.
 */
public final class CsvRow {

    private final List<String> columns;
    private final int[] index;
    private CSVRecord record;
    private long line;
    private List<Violation> problems;

    CsvRow(List<String> columns, int[] index) {
        this.columns = columns;
        this.index = index;
    }

    void reset(long line, CSVRecord record) {
        this.line = line;
        this.record = record;
        this.problems = null;
    }

    /** The row's line in the file (the header is line 1). */
    public long line() {
        return line;
    }

    /** The trimmed cell of the import's column {@code column}, or null when the row is shorter. */
    public String get(int column) {
        int at = index[column];
        return at < record.size() ? record.get(at) : null;
    }

    /** Records a problem of the row in column {@code column}: the row is then refused, whatever the parser answers. */
    public void problem(int column, String value, String message) {
        if (problems == null) {
            problems = new ArrayList<>(2);
        }
        problems.add(Violation.atLine((int) Math.min(Integer.MAX_VALUE, line), columns.get(column), value, message));
    }

    /** Whether a problem was recorded for this row. */
    public boolean refused() {
        return problems != null;
    }

    List<Violation> problems() {
        return problems == null ? List.of() : problems;
    }
}
