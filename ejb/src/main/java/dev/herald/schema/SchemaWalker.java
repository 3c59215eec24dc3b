package dev.herald.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Visits every subschema of a schema document with its JSON pointer, following the applicator keywords only:
 * {@code properties}' keys, {@code enum} values and {@code examples} are data, not schemas.
 */
final class SchemaWalker {

    private static final Set<String> SINGLE = Set.of("additionalProperties", "items", "not", "if", "then", "else",
            "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems");
    private static final Set<String> LISTS = Set.of("anyOf", "oneOf", "allOf", "prefixItems");
    private static final Set<String> MAPS = Set.of("properties", "patternProperties", "definitions", "$defs",
            "dependentSchemas");

    private SchemaWalker() {
    }

    static void visit(JsonValue schema, BiConsumer<String, JsonObject> visitor) {
        visit("", schema, visitor);
    }

    private static void visit(String pointer, JsonValue schema, BiConsumer<String, JsonObject> visitor) {
        if (!(schema instanceof JsonObject object)) {
            return; // boolean schemas have no keywords to look at
        }
        visitor.accept(pointer, object);
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String keyword = entry.getKey();
            String here = JsonPointers.child(pointer, keyword);
            JsonValue value = entry.getValue();
            if (SINGLE.contains(keyword)) {
                if (value instanceof JsonArray array) { // draft-07 tuple form of items
                    visitAll(here, array, visitor);
                } else {
                    visit(here, value, visitor);
                }
            } else if (LISTS.contains(keyword) && value instanceof JsonArray array) {
                visitAll(here, array, visitor);
            } else if (MAPS.contains(keyword) && value instanceof JsonObject map) {
                map.forEach((name, sub) -> visit(JsonPointers.child(here, name), sub, visitor));
            }
        }
    }

    private static void visitAll(String pointer, JsonArray array, BiConsumer<String, JsonObject> visitor) {
        for (int i = 0; i < array.size(); i++) {
            visit(pointer + "/" + i, array.get(i), visitor);
        }
    }
}
