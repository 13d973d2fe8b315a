package uk.nhs.safety.campaign.model.internal.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event a change announces, before it has a sequence number. Property values: String, Long, Double (an Integer
 * is widened to Long so that EventAdmin and the log carry the same types).
 */
public record NewEvent(String topic, Map<String, Object> properties) {

    public NewEvent {
        Objects.requireNonNull(topic, "topic");
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(k, normalise(k, v)));
        properties = Map.copyOf(copy);
    }

    private static Object normalise(String key, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("event property " + key + ": unsupported type "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
