package dev.herald.publish;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on the wire for one published event: the same id on every stream and channel it reaches.
 * {@code simulated} marks an event a person fired from the simulator rather than one business code emitted.
 * {@code version} is the payload's schema version: an event that {@code herald.wire.versions} puts on the wire in
 * two versions travels as two envelopes with the same id, timestamp and version-specific payloads
 * (docs/wire-format.md, "Versions on the wire").
 */
public record EventEnvelope(String id, String eventType, Instant timestamp, JsonObject payload, boolean simulated,
                            int version) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
    }

    public EventEnvelope(String id, String eventType, Instant timestamp, JsonObject payload, boolean simulated) {
        this(id, eventType, timestamp, payload, simulated, 1);
    }

    public EventEnvelope(String id, String eventType, Instant timestamp, JsonObject payload) {
        this(id, eventType, timestamp, payload, false);
    }

    /** The same event in another version of its type's schema. */
    public EventEnvelope inVersion(int otherVersion, JsonObject otherPayload) {
        return new EventEnvelope(id, eventType, timestamp, otherPayload, simulated, otherVersion);
    }

    /**
     * The id Herald's own bookkeeping keys this envelope by (relay failure records): the event id for v1, and for a
     * later version a UUID derived from the event id and the version, so that the two envelopes of one event are
     * recorded and replayed apart. What a reader sees in {@code id} is always the event id.
     */
    public String recordId() {
        return version == 1 ? id
                : UUID.nameUUIDFromBytes(("herald:event:" + id + ":v" + version).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String tenantId() {
        return payload.getString("tenantId", "");
    }
}
