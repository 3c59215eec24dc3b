package dev.herald.schema;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One input of a generated form.
 *
 * @param name        property name; {@code "items"} for the descriptor of an array's elements
 * @param pointer     JSON pointer of the value in the payload; an array element is addressed as {@code .../-}
 *                    ("each element", borrowed from JSON Patch) because the form decides how many there are
 * @param type        JSON type ({@code string}, {@code integer}, ...), {@code "any"} when the schema leaves it open
 * @param format      e.g. {@code uuid}, {@code date-time}; null when none
 * @param enumValues  allowed values (a {@code const} is a one-value list); empty when free
 * @param children    properties of an object, in schema order
 * @param items       descriptor of an array's elements; null for non-arrays or free arrays
 */
public record FormField(String name, String pointer, String type, String format, boolean required, String title,
                        String description, List<JsonValue> enumValues, List<FormField> children, FormField items) {

    public FormField {
        enumValues = List.copyOf(enumValues);
        children = List.copyOf(children);
    }

    /** Only the attributes that are set, so a UI can test for presence rather than for null. */
    public JsonObject toJson() {
        JsonObjectBuilder json = WireJson.builders().createObjectBuilder()
                .add("name", name)
                .add("pointer", pointer)
                .add("type", type)
                .add("required", required);
        if (format != null) {
            json.add("format", format);
        }
        if (title != null) {
            json.add("title", title);
        }
        if (description != null) {
            json.add("description", description);
        }
        if (!enumValues.isEmpty()) {
            json.add("enum", WireJson.builders().createArrayBuilder(enumValues));
        }
        if (!children.isEmpty()) {
            JsonArrayBuilder array = WireJson.builders().createArrayBuilder();
            children.forEach(child -> array.add(child.toJson()));
            json.add("children", array);
        }
        if (items != null) {
            json.add("items", items.toJson());
        }
        return json.build();
    }
}
