package dev.herald.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The Java type of a property schema. Every type is a reference type, so that an absent optional property is
 * {@code null} and JSON-B leaves it out again when writing.
 */
final class TypeMapper {

    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName UUID = ClassName.get(java.util.UUID.class);
    static final ClassName INSTANT = ClassName.get(java.time.Instant.class);
    static final ClassName LONG = ClassName.get(Long.class);
    static final ClassName BIG_DECIMAL = ClassName.get(java.math.BigDecimal.class);
    static final ClassName BOOLEAN = ClassName.get(Boolean.class);
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName JSON_OBJECT = ClassName.get("jakarta.json", "JsonObject");
    static final ClassName JSON_VALUE = ClassName.get("jakarta.json", "JsonValue");

    /** Makes the nested record for an object property: (suggested simple name, object schema) → its class name. */
    private final BiFunction<String, JsonObject, ClassName> nestedRecords;

    TypeMapper(BiFunction<String, JsonObject, ClassName> nestedRecords) {
        this.nestedRecords = nestedRecords;
    }

    TypeName typeOf(String propertyName, JsonObject schema) {
        return typeOf(JavaNames.pascalCase(propertyName), propertyName, schema);
    }

    private TypeName typeOf(String recordName, String propertyName, JsonObject schema) {
        if (schema.containsKey("anyOf") || schema.containsKey("oneOf") || schema.containsKey("allOf")) {
            return JSON_VALUE;
        }
        String type = singleType(schema.get("type"));
        if (type == null) {
            return JSON_VALUE;
        }
        return switch (type) {
            case "string" -> switch (schema.getString("format", "")) {
                case "uuid" -> UUID;
                case "date-time" -> INSTANT;
                default -> STRING;
            };
            case "integer" -> LONG;
            case "number" -> BIG_DECIMAL;
            case "boolean" -> BOOLEAN;
            case "array" -> ParameterizedTypeName.get(LIST, elementType(propertyName, schema));
            case "object" -> isRecordShaped(schema) ? nestedRecords.apply(recordName, schema) : JSON_OBJECT;
            default -> JSON_VALUE;
        };
    }

    private TypeName elementType(String propertyName, JsonObject arraySchema) {
        JsonValue items = arraySchema.get("items");
        if (items == null || items.getValueType() != JsonValue.ValueType.OBJECT) {
            return JSON_VALUE;
        }
        return typeOf(JavaNames.elementTypeName(propertyName), propertyName, items.asJsonObject());
    }

    /**
     * A record only for a closed set of named properties: an object that also takes keys of its own choosing
     * ({@code additionalProperties} a schema or true) is a map, and one without properties says nothing to type.
     */
    static boolean isRecordShaped(JsonObject objectSchema) {
        JsonObject properties = objectSchema.getJsonObject("properties");
        JsonValue additional = objectSchema.get("additionalProperties");
        boolean closedOrUnsaid = additional == null || additional.equals(JsonValue.FALSE);
        return properties != null && !properties.isEmpty() && closedOrUnsaid;
    }

    /**
     * The one type a schema names, where {@code ["string", "null"]} is a string that may be null (every component
     * may be null anyway); {@code null} when it names none or several.
     */
    private static String singleType(JsonValue type) {
        if (type == null) {
            return null;
        }
        if (type.getValueType() == JsonValue.ValueType.STRING) {
            return ((JsonString) type).getString();
        }
        if (type.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> nonNull = ((JsonArray) type).getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).filter(t -> !t.equals("null")).toList();
            return nonNull.size() == 1 ? nonNull.get(0) : null;
        }
        return null;
    }
}
