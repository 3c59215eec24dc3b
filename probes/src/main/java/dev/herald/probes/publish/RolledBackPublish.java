package dev.herald.probes.publish;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Test probe: a business transaction that fails after its events were sent. It publishes a batch through the real
 * {@link EventPublisher} in its own JTA transaction (every JMS message of the batch handed to the broker through the
 * XA session), then marks that transaction for rollback, as a failure after the sends would. Lets the integration
 * tests show that nothing of such a batch reaches Redis. Only in the probes WAR, which only the integration tests
 * deploy.
 */
@Stateless
public class RolledBackPublish {

    @Inject
    EventPublisher publisher;

    @Resource
    SessionContext context;

    /**
     * Sends the batch, then rolls its transaction back (the container does, when this method returns).
     *
     * @return the ids of the events that were sent and rolled back, in order
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> publishThenRollBack(List<DomainEvent> batch) {
        List<EventEnvelope> sent = publisher.publishAll(batch);
        context.setRollbackOnly();
        return sent.stream().map(EventEnvelope::id).toList();
    }
}
