package dev.herald.kernel;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON-P created once. Every static factory of {@code jakarta.json.Json} looks its provider up again (a service
 * lookup through the class loaders): a reader made through {@code Json.createReader} on every call cost tens of
 * microseconds on the relay path, and {@code Json.createObjectBuilder} about a tenth of an HTTP publish request's CPU
 * (async-profiler, docs/benchmarks.md). Production code builds JSON through {@link #json()} or these factories;
 * ModuleRulesTest keeps it so.
 */
public final class WireJson {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private WireJson() {
    }

    /** The JSON-P provider, looked up once: builders, values, pointers, parsers. */
    public static JsonProvider json() {
        return PROVIDER;
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
