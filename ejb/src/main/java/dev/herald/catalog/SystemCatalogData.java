package dev.herald.catalog;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The system catalog data shipped in the schemas module ({@code dev/herald/schemas/catalog/system-catalog.json}). */
public final class SystemCatalogData {

    static final String RESOURCE = "dev/herald/schemas/catalog/system-catalog.json";

    private SystemCatalogData() {
    }

    public static List<CatalogDefinition> load() {
        try (InputStream in = SystemCatalogData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the schemas module is not on the classpath: no " + RESOURCE);
            }
            return parse(WireJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).asJsonArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CatalogDefinition> parse(JsonArray entries) {
        return entries.stream().map(JsonValue::asJsonObject).map(SystemCatalogData::definition).toList();
    }

    private static CatalogDefinition definition(JsonObject o) {
        return new CatalogDefinition(o.getString("eventType"), o.getString("displayName"), o.getString("category"),
                o.getString("description"), o.getString("payloadSchemaRef"), o.getString("status"),
                o.getBoolean("emittedByHerald"));
    }
}
