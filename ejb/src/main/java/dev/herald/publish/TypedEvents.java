package dev.herald.publish;

import dev.herald.kernel.WireJson;
import dev.herald.auth.TenantDirectory;
import dev.herald.events.EventIssue;
import dev.herald.events.EventType;
import dev.herald.events.EventTypes;
import dev.herald.events.InvalidEventException;
import dev.herald.events.Outgoing;
import dev.herald.events.PublishedEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import dev.herald.kernel.WireTime;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a typed event into the {@link DomainEvent} the publisher sends: JSON-B maps the record to its payload, and
 * the tenant it is published for fills an empty {@code tenantId}. A payload that names another tenant is refused,
 * as the HTTP API refuses it, rather than published into a tenant the caller did not name.
 */
public final class TypedEvents {

    private final Jsonb jsonb;
    private final TenantDirectory directory;

    public TypedEvents(Jsonb jsonb, TenantDirectory directory) {
        this.jsonb = jsonb;
        this.directory = directory;
    }

    /** Records mapped as the wire writes them: date-times always with milliseconds, as every other event carries them. */
    public static TypedEvents of(TenantDirectory directory) {
        return new TypedEvents(JsonbBuilder.create(new JsonbConfig().withDateFormat(WireTime.PATTERN, Locale.ROOT)), directory);
    }

    /** @throws InvalidEventException when the payload's tenantId names another tenant than {@code tenant} */
    public DomainEvent toDomainEvent(String tenant, Outgoing outgoing) {
        EventType declared = EventTypes.of(outgoing.event().getClass());
        String type = declared.name();
        String tenantId = directory.idOf(tenant);
        JsonObject payload = WireJson.parseObject(jsonb.toJson(outgoing.event()));
        JsonValue named = payload.get(TenantStamp.TENANT_ID);
        if (named == null || named == JsonValue.NULL) {
            payload = WireJson.builders().createObjectBuilder(payload).add(TenantStamp.TENANT_ID, tenantId).build();
        } else if (named instanceof JsonString text && !directory.idOf(text.getString()).equals(tenantId)) {
            throw new InvalidEventException(type, List.of(new EventIssue("/payload/" + TenantStamp.TENANT_ID,
                    "names tenant '" + text.getString() + "', but the event is published for " + tenantId)));
        }
        DomainEvent event = new DomainEvent(type, payload, Optional.empty(), outgoing.channels(),
                outgoing.idempotencyKey()).inVersion(declared.version());
        return outgoing.aggregateId().map(id -> event.forAggregate(tenantId, id)).orElse(event);
    }

    public static PublishedEvent receipt(EventEnvelope envelope) {
        return new PublishedEvent(envelope.id(), envelope.eventType(), envelope.timestamp(), envelope.tenantId());
    }
}
