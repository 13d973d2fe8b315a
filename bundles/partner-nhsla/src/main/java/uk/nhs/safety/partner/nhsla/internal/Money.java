package uk.nhs.safety.partner.nhsla.internal;

import java.math.BigDecimal;
import java.util.Locale;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/** Pounds and pence: money is held in pence (exact sums) and shown in pounds. */
public final class Money {

    private Money() {
    }

    /** Pence as pounds for a reader, e.g. {@code £1,234.50}. */
    public static String pounds(long pence) {
        return String.format(Locale.UK, "£%,d.%02d", pence / 100, Math.abs(pence % 100));
    }

    /** Reads pounds (up to 2 decimals, optional £ and thousands commas) as pence, or refuses naming the field. */
    public static long parsePounds(String field, String text) {
        try {
            BigDecimal pounds = new BigDecimal(text.trim().replace("£", "").replace(",", ""));
            if (pounds.signum() < 0 || pounds.scale() > 2) {
                throw new NumberFormatException();
            }
            return pounds.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            throw new ValidationException(Violation.of(field, text, "an amount in pounds, at most 2 decimals"));
        }
    }
}
