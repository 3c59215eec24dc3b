package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import dev.herald.tracing.EventSpans;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One entry of the workflow stream (wire-format.md section 3): flat string fields, {@code ''} where absent.
 * {@link #parse} refuses an entry that no retry could make usable (no event id, type or tenant, a payload that is
 * not a JSON object); {@code event_name} falls back to the type as the relay writes it. {@code traceparent} is there
 * when the relay traced the event (docs/operations.md "Tracing").
 */
public record WorkflowStreamEntry(String eventId, String eventName, String eventType, String tenant, String userId,
                                  String correlationKey, JsonObject payload, String traceparent) {

    public static WorkflowStreamEntry parse(Map<String, String> fields) {
        String eventId = required(fields, "event_id");
        String eventType = required(fields, "event_type");
        String tenant = required(fields, "tenant");
        String eventName = text(fields, "event_name");
        String json = text(fields, "payload_json");
        JsonObject payload;
        try {
            JsonValue value = json == null ? JsonValue.EMPTY_JSON_OBJECT : WireJson.parse(json);
            if (!(value instanceof JsonObject object)) {
                throw new IllegalArgumentException("payload_json is not a JSON object: " + json);
            }
            payload = object;
        } catch (JsonException e) {
            throw new IllegalArgumentException("payload_json is not JSON: " + e.getMessage(), e);
        }
        return new WorkflowStreamEntry(eventId, eventName == null ? eventType : eventName, eventType, tenant,
                text(fields, "user_id"), text(fields, "workflow_correlation_key"), payload, text(fields, EventSpans.TRACEPARENT));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = text(fields, name);
        if (value == null) {
            throw new IllegalArgumentException("the entry has no " + name);
        }
        return value;
    }

    private static String text(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
