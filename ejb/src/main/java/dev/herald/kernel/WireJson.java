package dev.herald.kernel;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON-P factories created once: creating a reader through {@code Json.createReader} on every call costs
 * tens of microseconds, which the relay path cannot afford.
 */
public final class WireJson {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private WireJson() {
    }

    public static JsonBuilderFactory builders() {
        return BUILDERS;
    }

    public static JsonObject parseObject(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static JsonValue parse(String json) throws JsonException {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }
}
