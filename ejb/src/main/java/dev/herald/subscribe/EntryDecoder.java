package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.EventIssue;
import dev.herald.kernel.WireJson;
import dev.herald.publish.EnvelopeJson;
import dev.herald.schema.SchemaIssue;
import dev.herald.schema.SchemaRegistry;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one stream entry of the wire format (fields {@code event} = envelope JSON, {@code channel}) into a
 * {@link ReceivedEvent}, or says why it cannot be delivered: not JSON, not an envelope, or a payload its type's
 * schema refuses. The payload is checked against the schema of the version the envelope names ({@code version},
 * absent: 1). Issue pointers point into the envelope ({@code /payload/ticketId}).
 */
public final class EntryDecoder {

    /** What an entry turned out to be: an event to deliver, or poison to dead-letter with its issues. */
    public sealed interface Decoded permits Valid, Poison {
    }

    public record Valid(ReceivedEvent event) implements Decoded {
    }

    public record Poison(List<EventIssue> issues) implements Decoded {
        public Poison {
            issues = List.copyOf(issues);
        }

        public String reason() {
            return "undeliverable entry: " + String.join("; ", issues.stream().map(EventIssue::toString).toList());
        }
    }

    private final SchemaRegistry registry;

    public EntryDecoder(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** @param streamChannel the channel of the stream key, used when the entry has no {@code channel} field */
    public Decoded decode(String stream, String entryId, String streamChannel, Map<String, String> fields) {
        String json = fields.get("event");
        if (json == null) {
            return new Poison(List.of(new EventIssue("", "the entry has no 'event' field (fields: " + fields.keySet() + ")")));
        }
        JsonValue parsed;
        try {
            parsed = WireJson.parse(json);
        } catch (JsonException | IllegalStateException e) {
            return new Poison(List.of(new EventIssue("", "the 'event' field is not JSON: " + e.getMessage())));
        }
        List<EventIssue> issues = new ArrayList<>(translate("", registry.validateEnvelope(parsed)));
        if (!issues.isEmpty()) {
            return new Poison(issues);
        }
        JsonObject envelope = parsed.asJsonObject();
        String eventType = envelope.getString("eventType");
        JsonObject payload = envelope.getJsonObject("payload");
        int version = envelope.getInt(EnvelopeJson.VERSION, 1);
        if (registry.refForEventType(eventType).isEmpty()) {
            issues.add(new EventIssue("/eventType", "unknown event type '" + eventType + "'"));
        } else {
            registry.refForEventType(eventType, version).ifPresentOrElse(
                    ref -> issues.addAll(translate("/payload", registry.validate(ref, payload))),
                    () -> issues.add(new EventIssue("/" + EnvelopeJson.VERSION, eventType + " has no version " + version)));
        }
        Instant timestamp = null;
        try {
            timestamp = Instant.parse(envelope.getString("timestamp"));
        } catch (DateTimeParseException e) {
            issues.add(new EventIssue("/timestamp", "not an ISO-8601 instant: " + e.getMessage()));
        }
        if (!issues.isEmpty()) {
            return new Poison(issues);
        }
        String channel = fields.getOrDefault("channel", streamChannel);
        return new Valid(new ReceivedEvent(envelope.getString("id"), eventType, timestamp, channel,
                payload.getString("tenantId"), payload, stream, entryId, version));
    }

    private static List<EventIssue> translate(String prefix, List<SchemaIssue> issues) {
        return issues.stream().map(i -> new EventIssue(prefix + i.pointer(), i.message())).toList();
    }
}
