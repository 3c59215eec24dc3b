package dev.herald.publish;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What travels on the wire for one published event: the same id on every stream and channel it reaches.
 */
public record EventEnvelope(String id, String eventType, Instant timestamp, JsonObject payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }

    public String tenantId() {
        return payload.getString("tenantId", "");
    }
}
