package uk.nhs.safety.campaign.rest.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;

/**
 * The API's JSON: ISO dates and instants, enum values in lower case (any case accepted on input; a partner's health
 * status in upper case, as {@code /api/health} writes it), pledges also by
 * number, and strict reading: unknown fields, wrong types, duplicate keys and trailing content are refused with a
 * {@link ProblemException} naming the JSON path (e.g. {@code diagram.primaryDrivers[0].txt}). Thread-safe.
 */
public final class Json {

    private final ObjectMapper mapper;

    public Json() {
        SimpleModule api = new SimpleModule("safety-api");
        api.addDeserializer(Pledge.class, new PledgeDeserializer());
        // A partner's health is spelt as /api/health spells core's and the console prints it: UP, not up.
        api.addSerializer(PartnerHealth.Status.class, ToStringSerializer.instance);
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(api)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                // A string where a number belongs (or the reverse) is a wrong type, not something to guess at.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }

    /** Serialises a value as UTF-8 JSON. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Reads a body as the given type.
     *
     * @throws ProblemException {@code malformed-json} for text that is not JSON, {@code validation} for JSON that does
     *                          not fit the type; each naming the path and, for syntax errors, the line
     */
    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ProblemException(Problem.Kind.MALFORMED_JSON, "the body is empty; send a JSON object",
                    List.of(new Problem.FieldError("body", null, "missing", null)), Map.of());
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? ""
                    : e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ", "; known fields: ", ""));
            throw fieldProblem(Problem.Kind.VALIDATION, path(e), null, "unknown field" + known);
        } catch (InvalidFormatException e) {
            throw fieldProblem(Problem.Kind.VALIDATION, path(e), e.getValue(), expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty() && e.getTargetType() == type) {
                throw fieldProblem(Problem.Kind.VALIDATION, "body", null, "must be a JSON object");
            }
            throw fieldProblem(Problem.Kind.VALIDATION, path(e), null, expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw fieldProblem(Problem.Kind.VALIDATION, path(e), null, firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            String message = firstLine(e.getOriginalMessage());
            throw new ProblemException(Problem.Kind.MALFORMED_JSON, "the body is not well-formed JSON: " + message,
                    List.of(new Problem.FieldError("body", null, message, line)), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a body held in memory", e);
        }
        if (value == null) {
            throw fieldProblem(Problem.Kind.VALIDATION, "body", "null", "must be a JSON object");
        }
        return value;
    }

    private static ProblemException fieldProblem(Problem.Kind kind, String field, Object value, String message) {
        return ProblemException.field(kind, field, value, message);
    }

    /** The JSON path of a mapping error, e.g. {@code diagram.primaryDrivers[0].txt}. */
    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "body" : b.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == LocalDate.class) {
            return "must be a date as yyyy-mm-dd";
        }
        if (type == Instant.class) {
            return "must be an instant as yyyy-mm-ddThh:mm:ssZ";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A pledge by number (1–5, as a number or a string), name ({@code put_safety_first}) or title. */
    private static final class PledgeDeserializer extends StdDeserializer<Pledge> {
        private static final long serialVersionUID = 1L;

        PledgeDeserializer() {
            super(Pledge.class);
        }

        @Override
        public Pledge deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text;
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                text = p.getText();
            } else if (p.currentToken() == JsonToken.VALUE_STRING) {
                text = p.getText();
            } else {
                return (Pledge) ctxt.handleUnexpectedToken(Pledge.class, p);
            }
            try {
                return Pledge.parse(text);
            } catch (CampaignException e) {
                throw InvalidFormatException.from(p, "unknown pledge; give 1 to 5 or a pledge name", text,
                        Pledge.class);
            }
        }
    }
}
