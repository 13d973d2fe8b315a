package uk.nhs.safety.campaign.api.csv;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * Checks the header line of an uploaded CSV file before its columns are looked up by name. Read the file with
 * missing column names allowed (commons-csv {@code setAllowMissingColumnNames(true)}, so the parser does not fail
 * with an unchecked exception) and hand the header here.
 */
public final class CsvHeader {

    private CsvHeader() {
    }

    /**
     * Refuses a header with a column without a name (empty or blank, e.g. {@code ods_code,,month} or a trailing
     * comma): one violation at line 1 per such column, naming it by position ({@code column 2}).
     *
     * @throws ValidationException when a column has no name
     */
    public static void requireNames(List<String> names) {
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.replace("\uFEFF", "").isBlank()) {
                problems.add(Violation.atLine(1, "column " + (i + 1), name == null ? "" : name,
                        "the header line names no column " + (i + 1) + "; every column needs a name"
                                + " (remove empty columns and trailing commas)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
