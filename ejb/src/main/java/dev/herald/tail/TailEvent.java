package dev.herald.tail;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One event as the live tail sends it: the SSE name (its type), the SSE id (its event id) and one line of JSON,
 * {@code {"id","eventType","timestamp","tenantId","payload",...}}, carrying every other field of the envelope as
 * published (a simulated marker, for instance) after those.
 */
public record TailEvent(String id, String eventType, String tenantId, String data) {

    private static final List<String> LEADING = List.of("id", "eventType", "timestamp");

    /**
     * @param envelopeJson a message of a pub/sub channel: the envelope JSON the relay published
     * @throws IllegalArgumentException when it is not an envelope (no JSON object, no id, type or payload tenant)
     */
    public static TailEvent fromEnvelope(String envelopeJson) {
        JsonObject envelope;
        try {
            envelope = WireJson.parseObject(envelopeJson);
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        String id = text(envelope, "id");
        String type = text(envelope, "eventType");
        if (!(envelope.get("payload") instanceof JsonObject payload)) {
            throw new IllegalArgumentException("event " + id + " has no payload object");
        }
        String tenant = text(payload, "tenantId");
        JsonObjectBuilder data = WireJson.builders().createObjectBuilder();
        for (String field : LEADING) {
            if (envelope.containsKey(field)) {
                data.add(field, envelope.get(field));
            }
        }
        data.add("tenantId", tenant).add("payload", payload);
        for (Map.Entry<String, JsonValue> field : envelope.entrySet()) {
            if (!LEADING.contains(field.getKey()) && !field.getKey().equals("payload") && !field.getKey().equals("tenantId")) {
                data.add(field.getKey(), field.getValue());
            }
        }
        return new TailEvent(id, type, tenant, WireJson.write(data.build()));
    }

    private static String text(JsonObject object, String field) {
        if (object.get(field) instanceof JsonString value && !value.getString().isBlank()) {
            return value.getString();
        }
        throw new IllegalArgumentException("no " + field + " in " + object);
    }
}
