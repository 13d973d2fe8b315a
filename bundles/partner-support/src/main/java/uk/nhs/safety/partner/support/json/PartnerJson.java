package uk.nhs.safety.partner.support.json;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * A partner's JSON, with the conventions and the strictness of the platform's HTTP API, the same in every partner:
 * ISO dates and instants, enum values written in lower case (any case read), and strict reading: unknown fields,
 * wrong types (the text {@code "72"} where a number belongs, or a number where text belongs), duplicate keys and
 * trailing content are errors, so a typo in a request or a bundled data file is caught. Thread-safe.
 */
public final class PartnerJson {

    private final ObjectMapper mapper;

    private PartnerJson(JsonInclude.Include inclusion) {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
                .serializationInclusion(inclusion)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
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
                .build();
    }

    /** Absent values are left out of what is written. */
    public static PartnerJson leavingOutNulls() {
        return new PartnerJson(JsonInclude.Include.NON_NULL);
    }

    /** Absent values are written as {@code null}, as core writes them (e.g. an SPC analysis). */
    public static PartnerJson writingNulls() {
        return new PartnerJson(JsonInclude.Include.ALWAYS);
    }

    /** Serialises a value as indented JSON text. */
    public String write(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** Reads a value of the given type; the caller turns the exception into a message naming the file. */
    public <T> T read(InputStream in, Class<T> type) throws IOException {
        return mapper.readValue(in, type);
    }

    /**
     * Reads a request body as the given type.
     *
     * @throws ValidationException naming the field (or {@code body}) when the body is not the JSON expected
     */
    public <T> T readBody(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw refused(e);
        }
    }

    /**
     * Reads a request body as a tree, refusing duplicate keys and trailing content.
     *
     * @throws ValidationException naming the body when it is not JSON
     */
    public JsonNode readTree(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw refused(e);
        }
    }

    private static ValidationException refused(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new ValidationException(Violation.of(u.getPropertyName(), null, "unknown field"));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new ValidationException(Violation.of(path(m), null, "not the JSON expected: "
                    + firstLine(m.getOriginalMessage())));
        }
        return new ValidationException(Violation.of("body", null, "not the JSON expected: "
                + firstLine(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
