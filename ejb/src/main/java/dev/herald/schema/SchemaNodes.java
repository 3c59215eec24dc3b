package dev.herald.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import dev.herald.kernel.WireJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading a schema the way the form builder and the example generator need it: with local {@code $ref}s
 * followed, and with current/legacy {@code anyOf} schemas reduced to their domain (first) branch, because that is
 * the shape new payloads must have.
 */
final class SchemaNodes {

    private static final int MAX_REF_HOPS = 32;

    private SchemaNodes() {
    }

    /**
     * The schema that describes a new payload at this position: {@code $ref} followed, and, when the node offers
     * alternatives (anyOf/oneOf), the first alternative merged with the node's own keywords.
     */
    static JsonObject effective(JsonObject root, JsonValue node) {
        JsonObject schema = followRefs(root, node);
        JsonArray alternatives = firstPresent(schema, "anyOf", "oneOf");
        if (alternatives == null || alternatives.isEmpty()) {
            return schema;
        }
        return merge(effective(root, alternatives.get(0)), schema);
    }

    /** The first non-null declared type, else the type that {@code properties} or {@code items} imply. */
    static java.util.Optional<String> impliedType(JsonObject schema) {
        for (String type : types(schema)) {
            if (!type.equals("null")) {
                return java.util.Optional.of(type);
            }
        }
        if (schema.containsKey("properties")) {
            return java.util.Optional.of("object");
        }
        if (schema.containsKey("items")) {
            return java.util.Optional.of("array");
        }
        return java.util.Optional.empty();
    }

    /** Boolean schemas become objects ({@code true} = {@code {}}) so callers only deal with one shape. */
    static JsonObject followRefs(JsonObject root, JsonValue node) {
        JsonValue current = node;
        for (int hop = 0; hop < MAX_REF_HOPS; hop++) {
            if (!(current instanceof JsonObject object)) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            if (!(object.get("$ref") instanceof JsonString ref) || !ref.getString().startsWith("#")) {
                return object;
            }
            current = JsonPointers.resolve(root, ref.getString().substring(1)).orElse(JsonValue.EMPTY_JSON_OBJECT);
        }
        throw new IllegalArgumentException("$ref chain longer than " + MAX_REF_HOPS + " hops (a cycle?)");
    }

    /**
     * The branch's keywords win; the parent's properties and required names are added to the branch's, because
     * a parent that lists shared properties next to its anyOf means "these, plus one of those".
     */
    private static JsonObject merge(JsonObject branch, JsonObject parent) {
        JsonObjectBuilder merged = WireJson.builders().createObjectBuilder(branch);
        for (Map.Entry<String, JsonValue> entry : parent.entrySet()) {
            String key = entry.getKey();
            if (key.equals("anyOf") || key.equals("oneOf") || key.equals("$ref")) {
                continue;
            }
            if (!branch.containsKey(key)) {
                merged.add(key, entry.getValue());
            } else if (key.equals("properties") && entry.getValue() instanceof JsonObject parentProperties
                    && branch.get(key) instanceof JsonObject branchProperties) {
                JsonObjectBuilder properties = WireJson.builders().createObjectBuilder(parentProperties);
                branchProperties.forEach(properties::add);
                merged.add(key, properties);
            } else if (key.equals("required")) {
                Set<String> names = new LinkedHashSet<>(strings(branch.get(key)));
                names.addAll(strings(entry.getValue()));
                merged.add(key, WireJson.builders().createArrayBuilder(names));
            }
        }
        return merged.build();
    }

    static List<String> strings(JsonValue value) {
        List<String> result = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    result.add(s.getString());
                }
            }
        }
        return result;
    }

    /** The declared types ({@code "type": "string"} or {@code ["string", "null"]}); empty when any type goes. */
    static List<String> types(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type instanceof JsonString s) {
            return List.of(s.getString());
        }
        return strings(type);
    }

    private static JsonArray firstPresent(JsonObject schema, String... keys) {
        for (String key : keys) {
            if (schema.get(key) instanceof JsonArray array) {
                return array;
            }
        }
        return null;
    }
}
