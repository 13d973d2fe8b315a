package uk.nhs.safety.campaign.api;

/**
 * One reason why input was refused.
 *
 * @param line    the 1-based line of the input file, or {@code null} when the input is not a file
 * @param field   the field (or JSON path, or CSV column) at fault
 * @param value   the offending value as given, or {@code null} when it was missing
 * @param message what is wrong, in words a user can act on
 */
public record Violation(Integer line, String field, String value, String message) {

    public static Violation of(String field, Object value, String message) {
        return new Violation(null, field, value == null ? null : String.valueOf(value), message);
    }

    public static Violation atLine(int line, String field, Object value, String message) {
        return new Violation(line, field, value == null ? null : String.valueOf(value), message);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (line != null) {
            b.append("line ").append(line).append(", ");
        }
        b.append(field);
        if (value != null) {
            b.append(" '").append(value).append('\'');
        }
        return b.append(": ").append(message).toString();
    }
}
