package dev.herald.codegen;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a payload schema into the one object schema its record is made from. Most payloads are an object with
 * properties already. Some accept two shapes ({@code anyOf} the {@code current} and the {@code legacy} definition);
 * their record has the properties of every shape, so that any accepted payload deserializes into it, and keeps
 * only what all shapes agree on: a property is required if every shape requires it, and a constraint or type that
 * differs between shapes is dropped (a {@code uuid} in one shape and any string in the other is a string).
 */
final class VariantMerger {

    private static final Set<JsonValue> INTEGER_OR_NUMBER = Set.of(Json.createValue("integer"), Json.createValue("number"));

    private VariantMerger() {
    }

    static JsonObject objectSchema(JsonObject payloadSchema) {
        if (payloadSchema.containsKey("properties")) {
            return payloadSchema;
        }
        JsonArray variants = payloadSchema.getJsonArray("anyOf");
        if (variants == null) {
            variants = payloadSchema.getJsonArray("oneOf");
        }
        if (variants == null || variants.isEmpty()) {
            throw new IllegalArgumentException("Neither properties nor anyOf/oneOf variants at the top of "
                    + payloadSchema.getString("$id", "a schema"));
        }
        JsonObject merged = null;
        for (JsonValue variant : variants) {
            JsonObject shape = resolve(payloadSchema, variant.asJsonObject());
            merged = merged == null ? shape : merge(merged, shape);
        }
        JsonObjectBuilder top = Json.createObjectBuilder(merged);
        copyIfPresent(payloadSchema, top, "title");
        copyIfPresent(payloadSchema, top, "description");
        return top.build();
    }

    /** The schema that accepts what both {@code a} and {@code b} accept, as far as a Java type can tell. */
    static JsonObject merge(JsonObject a, JsonObject b) {
        if (a.equals(b)) {
            return a;
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : a.entrySet()) {
            String key = entry.getKey();
            JsonValue mine = entry.getValue();
            JsonValue theirs = b.get(key);
            switch (key) {
                // Documentation: the first shape's wording, or the other's when the first has none.
                case "title", "description" -> out.add(key, mine);
                case "properties" -> {
                    if (theirs != null) {
                        out.add(key, mergeProperties(mine.asJsonObject(), theirs.asJsonObject()));
                    }
                }
                case "required" -> {
                    if (theirs != null) {
                        out.add(key, intersection(mine.asJsonArray(), theirs.asJsonArray()));
                    }
                }
                // An integer in one shape and a number in the other is a number; other disagreements name no type.
                case "type" -> {
                    if (mine.equals(theirs)) {
                        out.add(key, mine);
                    } else if (theirs != null && Set.of(mine, theirs).equals(INTEGER_OR_NUMBER)) {
                        out.add(key, "number");
                    }
                }
                case "items" -> {
                    if (theirs != null) {
                        out.add(key, merge(mine.asJsonObject(), theirs.asJsonObject()));
                    }
                }
                default -> {
                    if (mine.equals(theirs)) {
                        out.add(key, mine);
                    }
                }
            }
        }
        for (String doc : new String[] {"title", "description"}) {
            if (!a.containsKey(doc) && b.containsKey(doc)) {
                out.add(doc, b.get(doc));
            }
        }
        return out.build();
    }

    /** Every property of both, in {@code a}'s order followed by those only {@code b} has. */
    private static JsonObject mergeProperties(JsonObject a, JsonObject b) {
        Map<String, JsonValue> union = new LinkedHashMap<>(a);
        b.forEach((name, schema) -> union.merge(name, schema,
                (mine, theirs) -> merge(mine.asJsonObject(), theirs.asJsonObject())));
        JsonObjectBuilder out = Json.createObjectBuilder();
        union.forEach(out::add);
        return out.build();
    }

    private static JsonArray intersection(JsonArray a, JsonArray b) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        a.stream().filter(b::contains).forEach(out::add);
        return out.build();
    }

    private static JsonObject resolve(JsonObject root, JsonObject variant) {
        JsonString ref = variant.getJsonString("$ref");
        if (ref == null) {
            return variant;
        }
        String pointer = ref.getString();
        if (!pointer.startsWith("#/")) {
            throw new IllegalArgumentException("Only local $refs are supported at the top of a payload schema: " + pointer);
        }
        return Json.createPointer(pointer.substring(1)).getValue(root).asJsonObject();
    }

    private static void copyIfPresent(JsonObject from, JsonObjectBuilder to, String key) {
        if (from.containsKey(key)) {
            to.add(key, from.get(key));
        }
    }
}
