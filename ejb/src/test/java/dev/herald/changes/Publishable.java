package dev.herald.changes;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeFactory;
import dev.herald.schema.RegistryPayloadValidator;
import dev.herald.schema.SchemaRegistry;
import java.util.List;

/** The shipped schemas, exactly as the publisher validates (and enriches) each event: for the domains' unit tests. */
public final class Publishable {

    private static final EnvelopeFactory PUBLISH = EnvelopeFactory.system(new RegistryPayloadValidator(SchemaRegistry.loadFromClasspath()));

    private Publishable() {
    }

    /** @throws dev.herald.publish.InvalidEventException with every issue, for the first event that breaks its schema */
    public static List<String> types(List<DomainEvent> events) {
        events.forEach(PUBLISH::create);
        return events.stream().map(DomainEvent::eventType).toList();
    }
}
