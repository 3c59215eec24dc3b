package dev.herald.events;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as a subscriber receives it: the envelope fields, the channel it came on, its tenant, the payload as
 * JSON-P, where it was read (stream and entry id), and the version of the type's schema the payload follows (a
 * {@code ReceivedEvent} observer gets it as it was on the wire, v1 on the keys Herald's subscribers read; a typed
 * observer of a later record gets the payload upcast to its record's version).
 */
public record ReceivedEvent(String id, String eventType, Instant timestamp, String channel, String tenantId,
                            JsonObject payload, String stream, String entryId, int version) {

    public ReceivedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
    }

    /** A v1 event. */
    public ReceivedEvent(String id, String eventType, Instant timestamp, String channel, String tenantId,
                         JsonObject payload, String stream, String entryId) {
        this(id, eventType, timestamp, channel, tenantId, payload, stream, entryId, 1);
    }

    /** The same event with its payload in another version of the type's schema. */
    public ReceivedEvent inVersion(int otherVersion, JsonObject otherPayload) {
        return new ReceivedEvent(id, eventType, timestamp, channel, tenantId, otherPayload, stream, entryId, otherVersion);
    }

    /** The payload bound to a record or bean through JSON-B; unknown payload fields are ignored. */
    public <T> T bind(Class<T> type) {
        return Binding.JSONB.fromJson(payload.toString(), type);
    }

    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
