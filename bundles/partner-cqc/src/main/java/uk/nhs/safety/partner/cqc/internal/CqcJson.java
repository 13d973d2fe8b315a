package uk.nhs.safety.partner.cqc.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * The partner's JSON, the same conventions as the platform's HTTP API: ISO dates and instants, enum values in lower
 * case, absent values left out. Reading (the bundled data files) is strict: unknown fields, duplicate keys and
 * trailing content are errors, so a typo in a data file is caught when it loads. Thread-safe.
 */
public final class CqcJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Serialises a value as indented JSON text. */
    public String write(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Reads a request body strictly (unknown fields refused).
     *
     * @throws ValidationException naming the field or position when the body is not the expected JSON
     */
    public <T> T readBody(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(Violation.of(e.getPropertyName(), null, "unknown field"));
        } catch (IOException e) {
            throw new ValidationException(Violation.of("body", null, "not the JSON expected: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage())));
        }
    }

    /** Reads a value of the given type; the caller turns the exception into a message naming the file. */
    public <T> T read(InputStream in, Class<T> type) throws IOException {
        return mapper.readValue(in, type);
    }
}
