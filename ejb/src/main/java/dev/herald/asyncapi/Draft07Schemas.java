package dev.herald.asyncapi;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Herald's schemas declare JSON Schema 2020-12, AsyncAPI 3.0 reads draft-07 Schema Objects by default. This class
 * tells whether a schema means the same under both (it uses only keywords the two drafts share, with the same
 * meaning) and moves a schema into the AsyncAPI document: {@code $schema} and {@code $id} dropped, local
 * {@code $ref}s ({@code #/definitions/...}) rewritten to the place the schema now has in the document.
 */
final class Draft07Schemas {

    /** Keywords with the same meaning in draft-07 and 2020-12 (assertions, applicators and annotations). */
    private static final Set<String> SHARED = Set.of("type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum",
            "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "items", "maxItems", "minItems", "uniqueItems",
            "contains", "maxProperties", "minProperties", "required", "properties", "patternProperties",
            "additionalProperties", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not", "format",
            "title", "description", "default", "examples", "readOnly", "writeOnly", "$comment", "definitions",
            "contentMediaType", "contentEncoding", "$ref", "$schema", "$id");
    /** Draft-07 ignores a $ref's siblings, 2020-12 applies them: only annotations may stand beside one. */
    private static final Set<String> BESIDE_REF = Set.of("$ref", "title", "description", "$comment", "examples", "default");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions");
    private static final Set<String> SCHEMA_VALUES = Set.of("additionalProperties", "propertyNames", "if", "then", "else",
            "not", "contains", "items");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf");

    private Draft07Schemas() {
    }

    /** Every place in the schema where it would mean something else (or nothing) as a draft-07 Schema Object. */
    static List<String> incompatibilities(JsonValue schema) {
        List<String> found = new ArrayList<>();
        walk(schema, "", found);
        return found;
    }

    private static void walk(JsonValue schema, String pointer, List<String> found) {
        if (schema.getValueType() == JsonValue.ValueType.TRUE || schema.getValueType() == JsonValue.ValueType.FALSE) {
            return;
        }
        if (!(schema instanceof JsonObject object)) {
            found.add(pointer + ": not a schema");
            return;
        }
        if (object.containsKey("$ref") && !BESIDE_REF.containsAll(object.keySet())) {
            found.add(pointer + ": $ref with assertions beside it");
        }
        for (var member : object.entrySet()) {
            String keyword = member.getKey();
            String at = pointer + "/" + escape(keyword);
            JsonValue value = member.getValue();
            if (!SHARED.contains(keyword)) {
                found.add(at + ": keyword not in draft-07, or meaning otherwise there");
            } else if (SCHEMA_MAPS.contains(keyword) && value instanceof JsonObject map) {
                map.forEach((name, sub) -> walk(sub, at + "/" + escape(name), found));
            } else if (keyword.equals("items") && value instanceof JsonArray) {
                found.add(at + ": an array of items (2020-12 says prefixItems)");
            } else if (SCHEMA_VALUES.contains(keyword)) {
                walk(value, at, found);
            } else if (SCHEMA_ARRAYS.contains(keyword) && value instanceof JsonArray array) {
                for (int i = 0; i < array.size(); i++) {
                    walk(array.get(i), at + "/" + i, found);
                }
            } else if (keyword.equals("$ref") && !(value instanceof JsonString ref && ref.getString().startsWith("#"))) {
                found.add(at + ": not a local reference");
            }
        }
    }

    /**
     * The schema as it stands at {@code location} (a JSON pointer such as {@code /components/schemas/x}) of the
     * document: without {@code $schema} and {@code $id}, every local {@code $ref} prefixed with the location.
     */
    static JsonValue relocate(JsonValue schema, String location) {
        if (schema instanceof JsonObject object) {
            JsonObjectBuilder moved = WireJson.builders().createObjectBuilder();
            object.forEach((keyword, value) -> {
                if (keyword.equals("$schema") || keyword.equals("$id")) {
                    return;
                }
                if (keyword.equals("$ref") && value instanceof JsonString ref && ref.getString().startsWith("#")) {
                    moved.add(keyword, "#" + location + ref.getString().substring(1));
                } else if (keyword.equals("enum") || keyword.equals("const") || keyword.equals("examples") || keyword.equals("default")) {
                    moved.add(keyword, value); // values, not schemas: a member named $ref there is data
                } else if (SCHEMA_MAPS.contains(keyword) || keyword.equals("$defs") || keyword.equals("dependentSchemas")) {
                    if (value instanceof JsonObject map) {
                        JsonObjectBuilder schemas = WireJson.builders().createObjectBuilder();
                        map.forEach((name, sub) -> schemas.add(name, relocate(sub, location)));
                        moved.add(keyword, schemas);
                    } else {
                        moved.add(keyword, value);
                    }
                } else {
                    moved.add(keyword, relocate(value, location));
                }
            });
            return moved.build();
        }
        if (schema instanceof JsonArray array) {
            JsonArrayBuilder moved = WireJson.builders().createArrayBuilder();
            array.forEach(item -> moved.add(relocate(item, location)));
            return moved.build();
        }
        return schema;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
