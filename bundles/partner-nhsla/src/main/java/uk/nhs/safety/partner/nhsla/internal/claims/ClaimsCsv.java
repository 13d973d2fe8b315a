package uk.nhs.safety.partner.nhsla.internal.claims;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import uk.nhs.safety.partner.support.imports.CsvImport;
import uk.nhs.safety.partner.support.imports.CsvRow;

/**
 * Validates the rows of an NHS LA claims CSV for the partners' import engine ({@link CsvImport}, which reads the file
 * with its header, columns by name in any order): each row becomes a {@link Claim} or all its problems, each naming
 * line, column and value. Holds nothing between rows.
 */
public final class ClaimsCsv implements CsvImport.RowParser<Claim> {

    /** The columns, in the order the generator writes them. */
    public static final List<String> COLUMNS = List.of("claim_reference", "ods_code", "scheme", "specialty", "cause",
            "injury", "incident_date", "notification_date", "status", "damages_paid", "defence_costs",
            "claimant_costs");

    /** The longest claim reference, specialty, cause and injury the tables hold. */
    static final int MAX_REF = 40;
    static final int MAX_TEXT = 80;

    /** CNST covers incidents from 1 April 1995, ELS those before; CNSGP general practice from 1 April 2019. */
    static final LocalDate CNST_START = LocalDate.of(1995, 4, 1);
    static final LocalDate CNSGP_START = LocalDate.of(2019, 4, 1);

    private final Set<String> schemes;
    private final String schemeList;
    private final LocalDate today;

    /**
     * @param schemes the schemes accepted, upper case
     * @param today   notification dates after it are refused
     */
    public ClaimsCsv(Set<String> schemes, LocalDate today) {
        this.schemes = Set.copyOf(schemes);
        this.schemeList = String.join(", ", new TreeSet<>(schemes));
        this.today = today;
    }

    /** The import engine over this parser: a claim reference once per file, claims of non-members reported. */
    public CsvImport<Claim> engine(Predicate<String> isMember) {
        return new CsvImport<>(ClaimsImport.NAME, COLUMNS, this)
                .unique(Claim::reference, "claim_reference", Claim::reference, "the claim reference", "each claim")
                .members(Claim::odsCode, isMember, "claim(s) imported for it, counted in its profile once it joins");
    }

    @Override
    public Claim parse(CsvRow row) {
        String ref = row.get(0);
        if (ref == null || ref.isEmpty()) {
            row.problem(0, ref, "a claim reference is required");
        } else if (ref.length() > MAX_REF || !referenceChars(ref)) {
            row.problem(0, ref, "a claim reference is 1 to 40 letters, digits, '/', '-' or '.'");
        }
        String odsGiven = row.get(1);
        String ods = odsGiven == null ? "" : odsGiven.toUpperCase(Locale.ROOT);
        if (!odsCode(ods)) {
            row.problem(1, odsGiven, "an ODS code is 3 to 8 letters and digits");
        }
        String schemeGiven = row.get(2);
        String scheme = schemeGiven == null ? "" : schemeGiven.toUpperCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            row.problem(2, schemeGiven, "the scheme must be one of " + schemeList);
        }
        for (int i = 3; i <= 5; i++) {
            String text = row.get(i) == null ? "" : row.get(i);
            if (i < 5 && text.isEmpty()) {
                row.problem(i, row.get(i), "a " + COLUMNS.get(i) + " is required");
            } else if (text.length() > MAX_TEXT) {
                row.problem(i, text, "at most " + MAX_TEXT + " characters");
            }
        }
        String incidentGiven = row.get(6);
        String notifiedGiven = row.get(7);
        LocalDate incident = date(incidentGiven);
        if (incident == null) {
            row.problem(6, incidentGiven, "a date as yyyy-mm-dd is required");
        }
        LocalDate notified = date(notifiedGiven);
        if (notified == null) {
            row.problem(7, notifiedGiven, "a date as yyyy-mm-dd is required");
        } else if (notified.isAfter(today)) {
            row.problem(7, notifiedGiven, "the notification date is in the future");
        } else if (incident != null && incident.isAfter(notified)) {
            row.problem(6, incidentGiven, "the incident date is after the notification date " + notifiedGiven);
        }
        if (incident != null) {
            if (scheme.equals("CNST") && incident.isBefore(CNST_START)) {
                row.problem(2, schemeGiven, "CNST covers incidents from 1995-04-01 (ELS before)");
            } else if (scheme.equals("ELS") && !incident.isBefore(CNST_START)) {
                row.problem(2, schemeGiven, "ELS covers incidents before 1995-04-01 (CNST after)");
            } else if (scheme.equals("CNSGP") && incident.isBefore(CNSGP_START)) {
                row.problem(2, schemeGiven, "CNSGP covers incidents from 2019-04-01");
            }
        }
        String statusGiven = row.get(8);
        ClaimStatus status = statusGiven == null ? null : ClaimStatus.parse(statusGiven);
        if (status == null) {
            row.problem(8, statusGiven, "the status must be open, closed (without damages) or settled");
        }
        long[] money = new long[3];
        for (int i = 0; i < 3; i++) {
            money[i] = pence(row.get(9 + i));
            if (money[i] < 0) {
                row.problem(9 + i, row.get(9 + i),
                        "an amount in pounds, not negative, at most 2 decimals (empty for none)");
            }
        }
        if (status == ClaimStatus.CLOSED && money[0] > 0) {
            row.problem(9, row.get(9), "a claim closed without damages cannot have damages paid");
        } else if (status == ClaimStatus.SETTLED && money[0] == 0) {
            row.problem(9, row.get(9), "a settled claim has damages paid");
        }
        if (row.refused()) {
            return null;
        }
        return new Claim(row.line(), ref, ods, scheme, row.get(3), row.get(4), row.get(5) == null ? "" : row.get(5),
                incident, notified, status, money[0], money[1], money[2]);
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
