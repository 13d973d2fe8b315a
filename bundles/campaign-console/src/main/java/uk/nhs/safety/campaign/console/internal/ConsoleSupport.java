package uk.nhs.safety.campaign.console.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.text.Texts;

/**
 * What every {@code safety:*} command shares: parsing command-line text into values (refusing bad input with a
 * {@link ValidationException} that names the argument) and formatting values for tables; the actor and the error
 * report are {@link SafetyCommand}'s. Stateless.
 */
final class ConsoleSupport {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ConsoleSupport() {
    }

    /** ODS codes are upper case; accept what the user typed in any case. */
    static String ods(String text) {
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    // ---- parsing -------------------------------------------------------------------------------------------------

    /** A measurement period: {@code yyyy-mm} means the first of that month, or an exact {@code yyyy-mm-dd}. */
    static LocalDate parsePeriod(String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (MONTH.matcher(t).matches()) {
                return YearMonth.parse(t).atDay(1);
            }
            if (DAY.matcher(t).matches()) {
                return LocalDate.parse(t);
            }
        } catch (DateTimeParseException e) {
            throw new ValidationException(Violation.of("period", text, "not a real month or date (" + reason(e) + ")"));
        }
        throw new ValidationException(Violation.of("period", text, "expected yyyy-mm (first of the month) or yyyy-mm-dd"));
    }

    /** An ISO date ({@code yyyy-mm-dd}) given for the named option, or {@code null} when none was given. */
    static LocalDate parseDate(String field, String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (DAY.matcher(t).matches()) {
                return LocalDate.parse(t);
            }
        } catch (DateTimeParseException e) {
            throw new ValidationException(Violation.of(field, text, "not a real date (" + reason(e) + ")"));
        }
        throw new ValidationException(Violation.of(field, text, "expected a date as yyyy-mm-dd"));
    }

    /** A whole number in {@code [min, max]} for the named option, or {@code fallback} when none was given. */
    static int parseInt(String field, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(Violation.of(field, text, "not a whole number"));
        }
        if (value < min || value > max) {
            throw new ValidationException(Violation.of(field, text, "must be between " + min + " and " + max));
        }
        return value;
    }

    /** An identifier: a whole number of 1 or more for the named argument. */
    static long parseId(String field, String text) {
        long value;
        try {
            value = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(Violation.of(field, text, "not a whole number"));
        }
        if (value < 1) {
            throw new ValidationException(Violation.of(field, text, "must be 1 or more"));
        }
        return value;
    }

    /** A finite decimal number for the named argument. */
    static double parseNumber(String field, String text) {
        double value;
        try {
            value = Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(Violation.of(field, text, "not a number"));
        }
        if (!Double.isFinite(value)) {
            throw new ValidationException(Violation.of(field, text, "must be a finite number"));
        }
        return value;
    }

    /**
     * An enum constant by name, ignoring case and treating spaces and hyphens as underscores; {@code null} when no
     * text was given.
     */
    static <E extends Enum<E>> E parseEnum(String field, String text, Class<E> type) {
        if (text == null) {
            return null;
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new ValidationException(Violation.of(field, text, "one of " + String.join(", ", names(type))));
    }

    /** The enum's constant names in lower case, for messages and completion. */
    static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static String reason(DateTimeParseException e) {
        // The JDK's message repeats the input; its cause (when present) holds the precise reason, e.g. "Invalid value
        // for MonthOfYear (valid values 1 - 12): 13".
        return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }

    // ---- formatting ----------------------------------------------------------------------------------------------

    /**
     * Blank for {@code null}, otherwise the value's text with control characters escaped ({@code \n}, {@code \u001B}):
     * table cells show nothing where there is nothing, and a stored text can neither move the cursor nor start what
     * looks like a line of its own.
     */
    static String text(Object value) {
        return value == null ? "" : Texts.escape(value.toString());
    }

    /** A number rounded half-up to at most {@code maxDecimals} places, without trailing zeros ({@code 7.5}, {@code 12}). */
    static String number(double value, int maxDecimals) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    /** A recorded value: as precise as people enter them. */
    static String value(double value) {
        return number(value, 4);
    }

    /** A derived statistic (mean, limits): two places are enough to read a chart. */
    static String statistic(double value) {
        return number(value, 2);
    }

    /** Blank for {@code null}, otherwise {@link #value(double)}. */
    static String value(Double value) {
        return value == null ? "" : value(value.doubleValue());
    }

    /** A period as the user types it: {@code yyyy-mm} for the first of a month, otherwise the full date. */
    static String period(LocalDate period) {
        if (period == null) {
            return "";
        }
        return period.getDayOfMonth() == 1 ? YearMonth.from(period).toString() : period.toString();
    }

    /** An enum constant as words: {@code IN_PROGRESS} becomes {@code in progress}. */
    static String words(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** An instant in the server's time zone, to the second. */
    static String timestamp(TemporalAccessor instant, ZoneId zone) {
        return instant == null ? "" : TIMESTAMP.withZone(zone).format(instant);
    }
}
