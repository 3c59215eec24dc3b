package dev.herald.relay;

import dev.herald.redis.HashTag;
import dev.herald.redis.RedisKeys;
import dev.herald.kernel.WireTime;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.kernel.Uuids;
import dev.herald.kernel.WireJson;
import dev.herald.tracing.EventSpans;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Encodes an envelope into the Redis wire format that existing consumers read (docs/wire-format.md):
 * stream {@code {prefix}event-stream:{channel}:{TYPE}} with fields {@code event} and {@code channel}, the flat
 * workflow stream for the {@code global} channel, and {@code PUBLISH {channelPrefix}:{TYPE}}.
 */
public final class WireFormat {

    /** The types that carry the name of the event in the payload (wire format, the workflow stream). */
    static final Set<String> GENERIC_TYPES = Set.of("CUSTOM_EVENT", "UNKNOWN", "INTEGRATION_WEBHOOK_RECEIVED");

    private final RedisKeys settings;

    public WireFormat(RedisKeys settings) {
        this.settings = settings;
    }

    public RelayBatch batch(EventEnvelope envelope, String channel) {
        return batch(envelope, EnvelopeJson.toJson(envelope), channel);
    }

    /**
     * @param json the envelope's wire JSON, when the caller has it already (the relay reads it off the message)
     *
     * <p>A v1 envelope goes where every event went before versions existed. An envelope of a later version goes to
     * the same keys with {@code :v{N}} appended (stream, pub/sub channel, dedupe marker), never to the workflow
     * stream, whose readers read v1: so a v1 reader never meets a later payload on a key it reads
     * (docs/wire-format.md, "Versions on the wire").
     */
    public RelayBatch batch(EventEnvelope envelope, String json, String channel) {
        return batch(envelope, json, channel, null);
    }

    /**
     * @param traceparent the W3C trace context to write beside the entries' own fields (the consumers read their
     *                    fields by name and take no others), or null: without tracing the entries are unchanged
     */
    public RelayBatch batch(EventEnvelope envelope, String json, String channel, String traceparent) {
        boolean workflow = DomainEvent.GLOBAL_CHANNEL.equals(channel) && envelope.version() == 1;
        String typeStream = typeStream(channel, envelope.eventType(), envelope.version());
        return new RelayBatch(
                typeStream,
                marker(typeStream, envelope.id()),
                workflow ? settings.workflowStream() : null,
                workflow ? marker(settings.workflowStream(), envelope.id()) : null,
                settings.channelPrefix() + ":" + envelope.eventType() + versionSuffix(envelope.version()),
                settings.dedupeWindow().toSeconds(),
                traced(List.of("event", json, "channel", channel), traceparent),
                workflow ? traced(workflowFields(envelope), traceparent) : List.of(),
                json);
    }

    private static List<String> traced(List<String> fields, String traceparent) {
        if (traceparent == null) {
            return fields;
        }
        List<String> withTrace = new ArrayList<>(fields);
        withTrace.add(EventSpans.TRACEPARENT);
        withTrace.add(traceparent);
        return withTrace;
    }

    /**
     * The dedupe marker of an event's entry on a stream: {@code {dedupePrefix}{<stream's hash tag>}:{eventId}}, in the
     * stream's hash slot (its own hash tag, or the whole stream name in braces). The stream name says the channel and,
     * for a later version, the version, so the marker is per (event, channel, version, stream).
     */
    public String marker(String stream, String eventId) {
        return settings.dedupePrefix() + HashTag.sameSlotAs(stream) + ":" + eventId;
    }

    /** The per-type stream of the type's v1 payloads: the key the existing consumers read. */
    public String typeStream(String channel, String eventType) {
        return typeStream(channel, eventType, 1);
    }

    /** The per-type stream of one version of the type: the v1 key, with {@code :v{N}} appended from v2 on. */
    public String typeStream(String channel, String eventType, int version) {
        return settings.streamPrefix() + "event-stream:" + channel + ":" + eventType + versionSuffix(version);
    }

    private static String versionSuffix(int version) {
        return version == 1 ? "" : ":v" + version;
    }

    /** The flat fields of the workflow stream, all strings, {@code ''} where absent. */
    static List<String> workflowFields(EventEnvelope envelope) {
        JsonObject payload = envelope.payload();
        return List.of(
                "event_id", envelope.id(),
                "execution_id", "",
                "workflow_correlation_key", "",
                "event_name", eventName(envelope.eventType(), payload),
                "event_type", envelope.eventType(),
                "tenant", envelope.tenantId(),
                "timestamp", WireTime.text(envelope.timestamp()),
                "user_id", userId(payload),
                "from_state", "",
                "to_state", "",
                "payload_json", WireJson.write(payload));
    }

    /**
     * The event type, except for the generic types whose payload names the event ({@code payload.eventName}, e.g.
     * {@code device.updated}): the workflow runtime starts and resumes workflows by that name.
     */
    static String eventName(String eventType, JsonObject payload) {
        if (GENERIC_TYPES.contains(eventType) && payload.get("eventName") instanceof JsonString name
                && !name.getString().isBlank()) {
            return name.getString();
        }
        return eventType;
    }

    /** {@code actorUserId}, else {@code userId}; only a UUID is passed on, as the workflow runtime requires. */
    static String userId(JsonObject payload) {
        for (String field : List.of("actorUserId", "userId")) {
            if (payload.get(field) instanceof JsonString value && Uuids.isUuid(value.getString())) {
                return value.getString();
            }
        }
        return "";
    }
}
