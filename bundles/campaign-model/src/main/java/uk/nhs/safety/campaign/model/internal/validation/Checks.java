package uk.nhs.safety.campaign.model.internal.validation;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.text.Texts;

/**
 * Collects every violation of one input, so the caller hears about all of them at once, then throws them together.
 * One instance per validation; not thread-safe.
 */
public final class Checks {

    /** Longest actor name the audit trail keeps. */
    public static final int ACTOR_MAX = 200;

    private final List<Violation> violations = new ArrayList<>();

    /** Every write names who does it, for the audit trail. */
    public Checks actor(String actor) {
        text("actor", actor, ACTOR_MAX);
        return this;
    }

    /** A required text of 1 to {@code max} characters after trimming; returns it trimmed, or {@code null}. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, value, "is required"));
            return null;
        }
        return optionalText(field, value, max);
    }

    /** An optional text of at most {@code max} characters after trimming; blank reads as {@code null}. */
    public String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip().replace("\r\n", "\n");
        if (trimmed.length() > max) {
            violations.add(Violation.of(field, abbreviate(Texts.escape(trimmed)), "must be at most " + max
                    + " characters (it has " + trimmed.length() + ")"));
        }
        int control = Texts.firstForbiddenControl(trimmed);
        if (control >= 0) {
            violations.add(Violation.of(field, abbreviate(Texts.escape(trimmed)), String.format(
                    "contains the control character U+%04X at position %d; only line breaks and tabs are allowed",
                    (int) trimmed.charAt(control), control + 1)));
        }
        return trimmed;
    }

    /** A required value of any kind. */
    public <T> T required(String field, T value) {
        if (value == null) {
            violations.add(Violation.of(field, null, "is required"));
        }
        return value;
    }

    /** Adds a violation unless {@code ok}. */
    public Checks check(boolean ok, String field, Object value, String message) {
        if (!ok) {
            violations.add(Violation.of(field, value, message));
        }
        return this;
    }

    public Checks add(Violation violation) {
        violations.add(violation);
        return this;
    }

    public Checks add(String field, Object value, String message) {
        return add(Violation.of(field, value, message));
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws a {@link ValidationException} with every violation found, if any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    // Echoing a 5,000-character text back in an error helps nobody.
    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
