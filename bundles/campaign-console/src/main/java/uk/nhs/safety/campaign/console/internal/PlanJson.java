package uk.nhs.safety.campaign.console.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * Reads a whole plan ({@link PlanContent}) from JSON, strictly: an unknown (e.g. misspelt) field, a malformed date
 * or a syntax error is refused with a {@link ValidationException} whose single violation names the line, the
 * column and the field's JSON path. Thread-safe; the reader is immutable.
 *
 * <p>The shape mirrors the records: dates as {@code yyyy-mm-dd}; enum values in any case ({@code "outcome"},
 * {@code "down"}). See the distribution's {@code imports/example-plan.json}.
 */
final class PlanJson {

    private static final ObjectReader READER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build()
            .readerFor(PlanContent.class);

    private PlanJson() {
    }

    /** Parses a plan; the violation of a refused document names where in it the problem is. */
    static PlanContent parse(Reader json) throws IOException {
        StringWriter text = new StringWriter();
        json.transferTo(text);
        return parse(text.toString());
    }

    /** Parses a plan from its text (plans are small; having the text lets errors point at the exact column). */
    static PlanContent parse(String json) {
        try {
            PlanContent content = READER.readValue(json);
            if (content == null) {
                throw new ValidationException(Violation.atLine(1, "plan", "null", "expected a JSON object"));
            }
            return content;
        } catch (JsonProcessingException e) {
            throw new ValidationException(violation(e, json));
        }
    }

    static Violation violation(JsonProcessingException e, String json) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int columnNr = location == null ? -1 : location.getColumnNr();
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        if (field.isEmpty()) {
            field = "plan";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            // Jackson has read past the field's value by the time it reports; point at the name, where the typo is.
            columnNr = columnOfName(json, line, u.getPropertyName(), columnNr);
            return Violation.atLine(line, field, null,
                    "unknown field" + column(columnNr) + "; known fields: " + known(u.getKnownPropertyIds()));
        }
        String column = column(columnNr);
        if (e instanceof InvalidFormatException f) {
            return Violation.atLine(line, field, f.getValue(),
                    "not a valid " + typeName(f.getTargetType()) + column);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return Violation.atLine(line, field, null,
                    "expected " + article(typeName(m.getTargetType())) + column);
        }
        return Violation.atLine(line, field, null, firstLine(e.getOriginalMessage()) + column);
    }

    private static String column(int columnNr) {
        return columnNr < 1 ? "" : " at column " + columnNr;
    }

    /** The 1-based column of {@code "name"} on the line, the last one before Jackson's column; else Jackson's. */
    private static int columnOfName(String json, int line, String name, int reported) {
        List<String> lines = json.lines().toList();
        if (name == null || line > lines.size()) {
            return reported;
        }
        String text = lines.get(line - 1);
        int from = reported < 1 ? text.length() : Math.min(reported - 1, text.length());
        int index = text.lastIndexOf('"' + name + '"', from);
        return index < 0 ? reported : index + 1;
    }

    /** A JSON path like {@code diagram.primaryDrivers[0].txt}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value, one of " + String.join(", ", enumNames(type));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-mm-dd)";
            case "Double", "double", "Integer", "int", "Long", "long" -> "number";
            case "String" -> "text";
            default -> type.getSimpleName();
        };
    }

    private static String article(String noun) {
        return (noun.matches("^[aeiou].*") ? "an " : "a ") + noun;
    }

    private static List<String> enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
