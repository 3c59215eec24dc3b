package dev.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.List;

/** The system catalog data as the schemas module ships it: the tests' independent source of expected rows. */
final class ShippedCatalog {

    private ShippedCatalog() {
    }

    static List<JsonObject> entries() {
        try (InputStream in = ShippedCatalog.class.getClassLoader().getResourceAsStream("dev/herald/schemas/catalog/system-catalog.json");
             JsonReader reader = Json.createReader(in)) {
            JsonArray array = reader.readArray();
            return array.stream().map(JsonValue::asJsonObject).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
