package dev.herald.reference.projects;

import static dev.herald.reference.projects.ProjectState.json;

import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a project task looks like to its transition detector. */
public record TaskState(String title, String status, String assignedToId, String assignedToType, String dueDate) {

    Map<String, JsonValue> fields() {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("title", json(title));
        fields.put("status", json(status));
        fields.put("assignedToId", json(assignedToId));
        fields.put("assignedToType", json(assignedToType));
        fields.put("dueDate", json(dueDate));
        return fields;
    }
}
