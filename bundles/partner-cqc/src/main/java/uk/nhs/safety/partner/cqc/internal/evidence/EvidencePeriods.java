package uk.nhs.safety.partner.cqc.internal.evidence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/** Reads the {@code from}/{@code to} of a pack as given on the command line or in a query. Stateless. */
public final class EvidencePeriods {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private EvidencePeriods() {
    }

    /**
     * The period from the texts given, either of which may be absent: {@code to} defaults to today and {@code from}
     * to {@code months} months before {@code to}.
     *
     * @throws ValidationException naming {@code from} or {@code to} for a malformed or impossible date, or
     *                             {@code from} when it is after {@code to}
     */
    public static EvidencePack.Period parse(String from, String to, LocalDate today, int months) {
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusMonths(months) : date("from", from);
        if (start.isAfter(end)) {
            throw new ValidationException(Violation.of("from", from == null ? start : from,
                    "must not be after to (" + end + ")"));
        }
        return new EvidencePack.Period(start, end);
    }

    private static LocalDate date(String field, String text) {
        String t = text.trim();
        if (!DAY.matcher(t).matches()) {
            throw new ValidationException(Violation.of(field, text, "expected a date as yyyy-mm-dd"));
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new ValidationException(Violation.of(field, text, "not a real date"));
        }
    }
}
