package dev.herald.events;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as a subscriber receives it: the envelope fields, the channel it came on, its tenant, the payload as
 * JSON-P, and where it was read (stream and entry id).
 */
public record ReceivedEvent(String id, String eventType, Instant timestamp, String channel, String tenantId,
                            JsonObject payload, String stream, String entryId) {

    public ReceivedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(payload, "payload");
    }

    /** The payload bound to a record or bean through JSON-B; unknown payload fields are ignored. */
    public <T> T bind(Class<T> type) {
        return Binding.JSONB.fromJson(payload.toString(), type);
    }

    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
