package dev.herald.subscribe;

import dev.herald.events.EventTypes;
import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import dev.herald.schema.SchemaIssue;
import dev.herald.schema.SchemaRegistry;
import dev.herald.versions.EventVersions;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;
import java.util.Set;

/**
 * One discovered subscriber: its id, the event types and channel it reads, the tenants it is restricted to (empty:
 * all), the property that switches it on (empty: always on), the observer method, for log lines, and what the
 * observer takes: {@link ReceivedEvent} or a typed event record, bound from the payload.
 */
public record Subscription(String id, List<String> types, String channel, Set<String> tenants, String enabledBy,
                           String observer, @JsonbTransient Class<?> observed) {

    public Subscription {
        types = List.copyOf(types);
        tenants = Set.copyOf(tenants);
    }

    public Subscription(String id, List<String> types, String channel, Set<String> tenants, String enabledBy,
                        String observer) {
        this(id, types, channel, tenants, enabledBy, observer, ReceivedEvent.class);
    }

    public static Subscription of(Subscribe annotation, String observer) {
        return new Subscription(annotation.id(), List.of(annotation.types()), annotation.channel(),
                Set.of(annotation.tenants()), annotation.enabledBy(), observer, ReceivedEvent.class);
    }

    /** A typed observer's subscription: its one type is the record's. */
    public static Subscription typed(Subscribe annotation, String observer, Class<?> record) {
        return new Subscription(annotation.id(), List.of(EventTypes.of(record).name()), annotation.channel(),
                Set.of(annotation.tenants()), annotation.enabledBy(), observer, record);
    }

    /** Whether the observer takes the typed record rather than the {@link ReceivedEvent}. */
    public boolean isTyped() {
        return observed != ReceivedEvent.class;
    }

    /** The schema version the observer reads: its record's, or for a {@link ReceivedEvent} observer whatever came. */
    public int observedVersion(ReceivedEvent event) {
        return isTyped() ? EventTypes.of(observed).version() : event.version();
    }

    /**
     * The event in the version the observer reads: upcast (or downcast) through {@link EventVersions} and checked
     * against that version's schema, so an upcaster's mistake fails the delivery rather than reaching the observer.
     *
     * @throws dev.herald.versions.MissingConverterException when no converter leads to the observer's version
     * @throws IllegalStateException when the converted payload is not valid in that version
     */
    public ReceivedEvent inObservedVersion(ReceivedEvent event, EventVersions versions, SchemaRegistry registry) {
        int wanted = observedVersion(event);
        if (wanted == event.version()) {
            return event;
        }
        JsonObject payload = versions.convert(event.eventType(), event.version(), wanted, event.payload());
        String ref = registry.refForEventType(event.eventType(), wanted).orElseThrow(() -> new IllegalStateException(
                event.eventType() + " has no schema of version " + wanted));
        List<SchemaIssue> issues = registry.validate(ref, payload);
        if (!issues.isEmpty()) {
            throw new IllegalStateException(event.eventType() + " v" + event.version() + " converted to v" + wanted
                    + " is not valid against " + ref + ": " + issues);
        }
        return event.inVersion(wanted, payload);
    }

    /** Whether an event of this tenant is for the subscriber; one it is not for counts as handled. */
    public boolean accepts(String tenantId) {
        return tenants.isEmpty() || tenants.contains(tenantId);
    }
}
