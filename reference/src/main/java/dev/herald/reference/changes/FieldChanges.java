package dev.herald.reference.changes;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two states of an aggregate, field by field, in the order the fields were declared: the
 * common ground of every transition detector (which events a change means is the detector's business, this is not).
 *
 * @param changed the changed fields, each with its previous and new value ({@code JsonValue.NULL} for absent)
 */
public record FieldChanges(Map<String, Change> changed) {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    public record Change(JsonValue previous, JsonValue current) {
    }

    /** Compares two states given as field -> value (null or JSON null for absent); both must name the same fields. */
    public static FieldChanges between(Map<String, JsonValue> before, Map<String, JsonValue> after) {
        if (!before.keySet().equals(after.keySet())) {
            throw new IllegalArgumentException("the two states name different fields: " + before.keySet() + " vs " + after.keySet());
        }
        Map<String, Change> changed = new LinkedHashMap<>();
        before.forEach((field, previous) -> {
            JsonValue was = orNull(previous);
            JsonValue now = orNull(after.get(field));
            if (!Objects.equals(was, now)) {
                changed.put(field, new Change(was, now));
            }
        });
        return new FieldChanges(java.util.Collections.unmodifiableMap(changed));
    }

    public boolean isEmpty() {
        return changed.isEmpty();
    }

    public boolean has(String field) {
        return changed.containsKey(field);
    }

    public Change of(String field) {
        Change change = changed.get(field);
        if (change == null) {
            throw new IllegalArgumentException(field + " did not change");
        }
        return change;
    }

    /** {@code ["name", "status"]}: the payload's {@code updatedFields}. */
    public List<String> fields() {
        return new ArrayList<>(changed.keySet());
    }

    /** {@code {"name": {"previous": "a", "new": "b"}}}: the payload's {@code changes}. */
    public JsonObject changesJson() {
        JsonObjectBuilder changes = JSON.createObjectBuilder();
        changed.forEach((field, change) -> changes.add(field, JSON.createObjectBuilder()
                .add("previous", change.previous()).add("new", change.current())));
        return changes.build();
    }

    /** A state's text field as the value {@link #between} compares: JSON null for absent. */
    public static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : JSON.createArrayBuilder().add(value).build().get(0);
    }

    private static JsonValue orNull(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }
}
