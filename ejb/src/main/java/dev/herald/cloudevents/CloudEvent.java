package dev.herald.cloudevents;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudEvent 1.0 as Herald reads and writes it, checked ({@link CloudEventReader}): the required attributes
 * ({@code specversion} is always 1.0), the optional ones Herald knows, every other attribute as an extension (by its
 * lowercase name; a JSON string, number or boolean), and {@code data}, always a JSON object: Herald's payloads are.
 */
public record CloudEvent(String id, String source, String type, Optional<String> time, Optional<String> subject,
                         Optional<String> dataContentType, Optional<String> dataSchema, Map<String, JsonValue> extensions,
                         JsonObject data) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        time = time == null ? Optional.empty() : time;
        subject = subject == null ? Optional.empty() : subject;
        dataContentType = dataContentType == null ? Optional.empty() : dataContentType;
        dataSchema = dataSchema == null ? Optional.empty() : dataSchema;
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** An extension attribute's value as text (a string as is, a number or boolean as JSON writes it). */
    public Optional<String> extension(String name) {
        JsonValue value = extensions.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value instanceof jakarta.json.JsonString text ? text.getString() : value.toString());
    }
}
