package dev.herald.cloudevents;

import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import dev.herald.kernel.WireJson;
import dev.herald.kernel.WireTime;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping between CloudEvents 1.0 and Herald's events, both ways, in plain code.
 * <p>
 * In: {@code type} is Herald's event type as the catalog names it ({@code TICKET_CREATED}, or a tenant's custom
 * type), {@code data} the payload, {@code subject} the aggregate key (events of one subject keep their order), and
 * {@code source} + {@code id} the idempotency key {@code "ce <source> <id>"}: the specification makes a CloudEvent
 * unique by source and id and lets consumers treat a repeat as a duplicate, so a producer's retry of one event is
 * published once (within {@code herald.publish.idempotency-window}), while two producers that happen to use the same id
 * stay two events. A source is a URI-reference, which holds no space, so the key reads back unambiguously.
 * The {@code tenantid} extension, when given, must be the caller's tenant (checked by the HTTP adapter, like a
 * payload's {@code tenantId}). {@code time} is checked, not kept: Herald's envelope timestamp is when it accepted the event.
 * <p>
 * Out ({@link #view}): any Herald event as a CloudEvent: {@code id} the event id, {@code source}
 * {@code /herald/tenants/<tenant id>}, {@code type}, {@code time} the envelope's timestamp, {@code subject} when known,
 * {@code datacontenttype} application/json, {@code dataschema} the payload schema's URL as Herald serves it, the
 * {@code tenantid} extension, {@code heraldsimulated} for a simulated event, and {@code data} the payload.
 */
public final class HeraldCloudEvents {

    /** Extension marking an event fired from the simulator (envelope {@code "simulated": true}). */
    public static final String SIMULATED = "heraldsimulated";
    public static final String SOURCE_PREFIX = "/herald/tenants/";
    public static final String JSON = "application/json";
    private static final String KEY_PREFIX = "ce ";

    private HeraldCloudEvents() {
    }

    /** The event Herald publishes for the CloudEvent, before tenant stamping and validation (the publisher's). */
    public static DomainEvent toDomainEvent(CloudEvent event) {
        return new DomainEvent(event.type(), event.data(), event.subject(), List.of(), Optional.of(idempotencyKey(event)));
    }

    /** {@code "ce <source> <id>"}: one key per CloudEvent identity. */
    public static String idempotencyKey(CloudEvent event) {
        return KEY_PREFIX + event.source() + " " + event.id();
    }

    /** The tenant the CloudEvent names in its {@code tenantid} extension, if any. */
    public static Optional<String> tenant(CloudEvent event) {
        return event.extension(CloudEventReader.TENANTID);
    }

    /**
     * The publisher's refusal with its pointers moved to the CloudEvent: {@code /payload/...} to {@code /data/...},
     * {@code /eventType} to {@code /type}, {@code /idempotencyKey} to {@code /id}, {@code /aggregateKey} to
     * {@code /subject}; the messages are the publisher's, the same as {@code POST /api/events} gives.
     */
    public static InvalidEventException asCloudEvent(InvalidEventException refused) {
        List<EventIssue> issues = new ArrayList<>(refused.issues().size());
        for (EventIssue issue : refused.issues()) {
            issues.add(new EventIssue(pointer(issue.pointer()), issue.message()));
        }
        InvalidEventException moved = new InvalidEventException(refused.eventType(), issues);
        moved.initCause(refused);
        return moved;
    }

    static String pointer(String herald) {
        for (Map.Entry<String, String> move : List.of(Map.entry("/payload", "/" + CloudEventReader.DATA),
                Map.entry("/eventType", "/" + CloudEventReader.TYPE), Map.entry("/idempotencyKey", "/" + CloudEventReader.ID),
                Map.entry("/aggregateKey", "/" + CloudEventReader.SUBJECT))) {
            if (herald.equals(move.getKey()) || herald.startsWith(move.getKey() + "/")) {
                return move.getValue() + herald.substring(move.getKey().length());
            }
        }
        return herald;
    }

    /** The source of the events of a tenant: relative, so it needs no host name, and one per tenant (ids are UUIDs). */
    public static String source(String tenantId) {
        return tenantId == null || tenantId.isEmpty() ? "/herald" : SOURCE_PREFIX + tenantId;
    }

    /**
     * A Herald event as a structured-mode CloudEvent (the JSON event format).
     *
     * @param subject    the aggregate or entity the event is about, when the caller knows it
     * @param dataSchema the absolute URL of the payload's schema, when it has one
     */
    public static JsonObject view(EventEnvelope envelope, Optional<String> subject, Optional<URI> dataSchema) {
        String tenant = envelope.tenantId();
        JsonObjectBuilder event = WireJson.builders().createObjectBuilder()
                .add(CloudEventReader.SPECVERSION, CloudEvent.SPEC_VERSION)
                .add(CloudEventReader.ID, envelope.id())
                .add(CloudEventReader.SOURCE, source(tenant))
                .add(CloudEventReader.TYPE, envelope.eventType())
                .add(CloudEventReader.TIME, WireTime.text(envelope.timestamp()));
        subject.filter(s -> !s.isEmpty()).ifPresent(s -> event.add(CloudEventReader.SUBJECT, s));
        event.add(CloudEventReader.DATACONTENTTYPE, JSON);
        dataSchema.ifPresent(uri -> event.add(CloudEventReader.DATASCHEMA, uri.toString()));
        if (!tenant.isEmpty()) {
            event.add(CloudEventReader.TENANTID, tenant);
        }
        if (envelope.simulated()) {
            event.add(SIMULATED, true);
        }
        return event.add(CloudEventReader.DATA, envelope.payload()).build();
    }
}
