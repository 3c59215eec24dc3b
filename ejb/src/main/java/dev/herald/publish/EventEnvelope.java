package dev.herald.publish;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What travels on the wire for one published event: the same id on every stream and channel it reaches.
 * {@code simulated} marks an event a person fired from the simulator rather than one business code emitted.
 */
public record EventEnvelope(String id, String eventType, Instant timestamp, JsonObject payload, boolean simulated) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }

    public EventEnvelope(String id, String eventType, Instant timestamp, JsonObject payload) {
        this(id, eventType, timestamp, payload, false);
    }

    public String tenantId() {
        return payload.getString("tenantId", "");
    }
}
