package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.support.imports.CsvImport;
import uk.nhs.safety.partner.support.imports.CsvRow;

/**
 * Validates the rows of an incident-count CSV for the partners' import engine ({@link CsvImport}, which reads the
 * file): a header line naming the columns {@value #HEADER} (any order), then one row per member, month, category and
 * degree of harm. Each row becomes an {@link IncidentRow} or all its problems, each naming line, column and value;
 * nothing is kept between rows.
 */
public final class IncidentCsv implements CsvImport.RowParser<IncidentRow> {

    /** The header as the generator and the documentation write it. */
    public static final String HEADER = "ods_code,month,category,degree_of_harm,count";

    /** The columns, in that order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The national reporting system (NRLS) started collecting reports in 2003; nothing before is accepted. */
    static final YearMonth EARLIEST = YearMonth.of(2003, 1);

    /** More incidents than this in one row is a typo, not a count (the largest trusts report ~2,000 a month). */
    static final long MAX_COUNT = 1_000_000;

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

    /** The import engine over this parser: each member, month, category and harm once per file; non-members noted. */
    public CsvImport<IncidentRow> engine(Predicate<String> isMember) {
        return new CsvImport<>(IncidentImport.NAME, COLUMNS, this)
                .unique(IncidentRow::key, "ods_code/month/category/degree_of_harm",
                        r -> r.odsCode() + "," + r.month() + "," + r.category() + "," + r.harm().label(),
                        "the same member, month, category and harm", "each")
                .members(IncidentRow::odsCode, isMember, "row(s) imported for it, counted once it joins");
    }

    @Override
    public IncidentRow parse(CsvRow row) {
        String odsGiven = row.get(0);
        String ods = odsGiven == null ? "" : odsGiven.toUpperCase(Locale.ROOT);
        if (!ods.matches("[A-Z0-9]{3,8}")) {
            row.problem(0, odsGiven, "an ODS code is 3 to 8 letters and digits");
        }
        String monthGiven = row.get(1);
        YearMonth month = month(monthGiven);
        if (month == null) {
            row.problem(1, monthGiven, "a month as yyyy-mm is required");
        } else if (month.isAfter(latest)) {
            row.problem(1, monthGiven, "the month is in the future (latest " + latest + ")");
        } else if (month.isBefore(EARLIEST)) {
            row.problem(1, monthGiven, "the national reporting system has no data before " + EARLIEST);
        }
        var category = catalogue.category(row.get(2));
        if (category.isEmpty()) {
            row.problem(2, row.get(2), "not an incident category of catalogue " + catalogue.version() + "; one of "
                    + String.join(", ", catalogue.incidentCategories().stream().map(Catalogue.IncidentCategory::key)
                    .toList()));
        }
        Harm harm = Harm.parse(row.get(3));
        if (harm == null) {
            row.problem(3, row.get(3), "the degree of harm is no harm, low, moderate, severe or death");
        }
        long count = count(row.get(4));
        if (count < 0) {
            row.problem(4, row.get(4), "a whole number from 0 to " + MAX_COUNT);
        }
        return row.refused() ? null : new IncidentRow(row.line(), ods, month, category.get().key(), harm, count);
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
