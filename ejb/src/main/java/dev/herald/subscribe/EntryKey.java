package dev.herald.subscribe;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * What the consumer's loop thread reads of an entry before handing it to a lane: the event id and channel (for the
 * batch's one ledger lookup) and its ordering key: the publisher's aggregate key when the entry carries one (its
 * {@code aggregate} field), else the tenant. A parse only: the envelope and payload are
 * validated by {@link EntryDecoder} on the lane's thread, so that validation, the costly part, runs on as many
 * threads as there are busy keys instead of on the one loop thread. An entry whose envelope cannot be read here has
 * an empty id and tenant; its decoding on the lane says why it cannot be delivered.
 *
 * @param eventId  the envelope's {@code id}, empty when absent
 * @param channel  the entry's {@code channel} field, else the stream's channel
 * @param tenantId the payload's {@code tenantId}, empty when absent
 * @param aggregate the entry's {@code aggregate} field, empty when absent
 */
record EntryKey(String eventId, String channel, String tenantId, String aggregate) {

    EntryKey(String eventId, String channel, String tenantId) {
        this(eventId, channel, tenantId, "");
    }

    /**
     * One aggregate's entries are delivered one after another, in stream order. An event published without an
     * aggregate key is ordered with its tenant's others, as all were before entries carried the key. The two kinds
     * never share a key, whatever a client names its aggregates.
     */
    String orderingKey() {
        return aggregate.isEmpty() ? "tenant " + tenantId : "aggregate " + aggregate;
    }

    static EntryKey peek(Map<String, String> fields, String streamChannel) {
        EntryKey key = peekEnvelope(fields, streamChannel);
        String aggregate = fields.get("aggregate");
        return aggregate == null || aggregate.isEmpty() ? key
                : new EntryKey(key.eventId(), key.channel(), key.tenantId(), aggregate);
    }

    private static EntryKey peekEnvelope(Map<String, String> fields, String streamChannel) {
        String channel = fields.getOrDefault("channel", streamChannel);
        String json = fields.get("event");
        if (json == null) {
            return new EntryKey("", channel, "");
        }
        try {
            JsonValue parsed = WireJson.parse(json);
            if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
                return new EntryKey("", channel, "");
            }
            JsonObject envelope = parsed.asJsonObject();
            JsonValue payload = envelope.get("payload");
            String tenant = payload != null && payload.getValueType() == JsonValue.ValueType.OBJECT
                    ? text(payload.asJsonObject().get("tenantId")) : "";
            return new EntryKey(text(envelope.get("id")), channel, tenant);
        } catch (JsonException | IllegalStateException e) {
            return new EntryKey("", channel, ""); // not JSON: EntryDecoder dead-letters it with the parser's message
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : "";
    }

    boolean readable() {
        return !eventId.isEmpty();
    }
}
