package dev.herald.reference.projects;

import dev.herald.reference.changes.FieldChanges;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a project looks like to its transition detector: the fields whose changes mean events. */
public record ProjectState(String name, String description, String status) {

    Map<String, JsonValue> fields() {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("name", json(name));
        fields.put("description", json(description));
        fields.put("status", json(status));
        return fields;
    }

    static JsonValue json(String value) {
        return FieldChanges.text(value);
    }
}
