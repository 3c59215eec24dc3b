package dev.herald.reference.changes;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import dev.herald.events.InvalidEventException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * How the reference domain services publish what a change means: all of an operation's events in its transaction,
 * and an event the registry refuses takes the operation down with it (the publisher itself leaves a caller's
 * transaction alone, so a change could otherwise commit without the events that describe it).
 */
@Dependent
public class DomainEvents {

    @Inject
    EventPublisher publisher;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public ChangeResult publish(String id, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return new ChangeResult(id, List.of(), List.of());
        }
        List<EventEnvelope> published;
        try {
            published = publisher.publishAll(events);
        } catch (InvalidEventException e) {
            transaction.setRollbackOnly();
            throw e;
        }
        return ChangeResult.of(id, published);
    }
}
