package dev.herald.reference.changes;

import dev.herald.events.InvalidEventException;
import dev.herald.events.Outgoing;
import dev.herald.events.PublishedEvent;
import dev.herald.events.Publisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * How the reference domain services publish what a change means: all of an operation's events in its transaction,
 * and an event the registry refuses takes the operation down with it (the publisher leaves a caller's transaction
 * alone, so a change could otherwise commit without the events that describe it).
 */
@Dependent
public class DomainEvents {

    @Inject
    Publisher publisher;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public ChangeResult publish(String tenantId, String id, List<Outgoing> events) {
        if (events.isEmpty()) {
            return new ChangeResult(id, List.of(), List.of());
        }
        List<PublishedEvent> published;
        try {
            published = publisher.publishAll(tenantId, events);
        } catch (InvalidEventException e) {
            transaction.setRollbackOnly();
            throw e;
        }
        return ChangeResult.of(id, published);
    }
}
