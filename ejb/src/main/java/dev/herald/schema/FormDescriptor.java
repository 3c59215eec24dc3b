package dev.herald.schema;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a form-building UI needs to let a person fill in a payload: the fields of the schema as a tree. For a
 * current/legacy schema only the current (domain) branch is described, since new payloads should not be written
 * in the legacy shape.
 */
public record FormDescriptor(String ref, String title, String description, List<FormField> fields) {

    public FormDescriptor {
        fields = List.copyOf(fields);
    }

    public static FormDescriptor of(PayloadSchema schema) {
        JsonObject root = schema.document();
        JsonObject effective = SchemaNodes.effective(root, root);
        return new FormDescriptor(schema.ref(), schema.title(), schema.description(), fieldsOf(root, effective, ""));
    }

    public JsonObject toJson() {
        JsonArrayBuilder array = WireJson.builders().createArrayBuilder();
        fields.forEach(field -> array.add(field.toJson()));
        return WireJson.builders().createObjectBuilder()
                .add("ref", ref)
                .add("title", title)
                .add("description", description)
                .add("fields", array)
                .build();
    }

    private static List<FormField> fieldsOf(JsonObject root, JsonObject objectSchema, String pointer) {
        List<FormField> fields = new ArrayList<>();
        if (!(objectSchema.get("properties") instanceof JsonObject properties)) {
            return fields;
        }
        Set<String> required = Set.copyOf(SchemaNodes.strings(objectSchema.get("required")));
        properties.forEach((name, sub) ->
                fields.add(field(root, name, JsonPointers.child(pointer, name), required.contains(name), sub)));
        return fields;
    }

    private static FormField field(JsonObject root, String name, String pointer, boolean required, JsonValue node) {
        JsonObject schema = SchemaNodes.effective(root, node);
        String type = typeOf(schema);
        List<FormField> children = type.equals("object") ? fieldsOf(root, schema, pointer) : List.of();
        FormField items = null;
        if (type.equals("array") && schema.get("items") instanceof JsonObject itemSchema) {
            items = field(root, "items", pointer + "/-", false, itemSchema);
        }
        return new FormField(name, pointer, type, text(schema, "format"), required, text(schema, "title"),
                text(schema, "description"), allowedValues(schema), children, items);
    }

    /** The first non-null declared type; otherwise what the other keywords imply. */
    private static String typeOf(JsonObject schema) {
        return SchemaNodes.impliedType(schema).orElseGet(() -> {
            List<JsonValue> values = allowedValues(schema);
            return values.isEmpty() ? "any" : jsonType(values.get(0));
        });
    }

    private static List<JsonValue> allowedValues(JsonObject schema) {
        if (schema.containsKey("const")) {
            return List.of(schema.get("const"));
        }
        return schema.get("enum") instanceof JsonArray values ? List.copyOf(values) : List.of();
    }

    private static String jsonType(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "string";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "integer" : "number";
            case TRUE, FALSE -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
        };
    }

    private static String text(JsonObject schema, String key) {
        return schema.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
