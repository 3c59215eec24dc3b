package dev.herald.reference.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.contract.ConsumerContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.Named;

import dev.herald.auth.TenantDirectory;
import dev.herald.events.Outgoing;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeFactory;
import dev.herald.publish.TypedEvents;
import dev.herald.kernel.WireJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import dev.herald.schema.RegistryPayloadValidator;
import dev.herald.schema.SchemaRegistry;
import java.util.List;

/** The shipped schemas, exactly as the publisher validates (and enriches) each event: for the domains' unit tests. */
public final class Publishable {

    private static final EnvelopeFactory PUBLISH = EnvelopeFactory.system(new RegistryPayloadValidator(SchemaRegistry.loadFromClasspath()));
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final TypedEvents TYPED = TypedEvents.of(TenantDirectory.derived());

    private Publishable() {
    }

    /**
     * The typed events as the platform's publisher turns them into what it validates and sends, each for the tenant
     * its payload names.
     */
    public static List<DomainEvent> published(List<Outgoing> events) {
        return events.stream().map(Publishable::published).toList();
    }

    public static DomainEvent published(Outgoing event) {
        String tenant = WireJson.parseObject(JSONB.toJson(event.event())).getString("tenantId");
        return TYPED.toDomainEvent(tenant, event);
    }

    /**
     * Each event of an operation is accepted by the existing consumers (their contract, checked first so that a contract
     * break names itself) and by Herald's schema.
     */
    public static void acceptedByTheConsumersAndHerald(List<DomainEvent> events) {
        assertFalse(events.isEmpty(), "the operation emitted nothing");
        for (DomainEvent event : events) {
            assertEquals(List.of(), ConsumerContract.payloadViolations(event.eventType(), event.payload().toString()),
                    event.eventType() + " " + event.payload());
        }
        types(events);
    }

    /** A named operation for a parameterized test: the events it emits. */
    public static Named<Supplier<List<DomainEvent>>> operation(String name, Supplier<List<DomainEvent>> events) {
        return Named.of(name, events);
    }

    /** @throws dev.herald.events.InvalidEventException with every issue, for the first event that breaks its schema */
    public static List<String> types(List<DomainEvent> events) {
        events.forEach(PUBLISH::create);
        return events.stream().map(DomainEvent::eventType).toList();
    }
}
