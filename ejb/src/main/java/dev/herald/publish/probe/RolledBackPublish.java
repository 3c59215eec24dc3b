package dev.herald.publish.probe;

import dev.herald.kernel.NotFoundException;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test probe: a business transaction that fails after its events were sent. It publishes a batch through the real
 * {@link EventPublisher} in its own JTA transaction (every JMS message of the batch handed to the broker through the
 * XA session), then marks that transaction for rollback, as a failure after the sends would. Lets the integration
 * tests show that nothing of such a batch reaches Redis. Off unless {@code herald.publish.rollback-probe.enabled=true},
 * which only the integration-test server sets.
 */
@Stateless
public class RolledBackPublish {

    public static final String ENABLED = "herald.publish.rollback-probe.enabled";

    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "false")
    boolean enabled;

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
        if (!enabled) {
            throw new NotFoundException("the rollback probe is off (" + ENABLED + ")");
        }
        List<EventEnvelope> sent = publisher.publishAll(batch);
        context.setRollbackOnly();
        return sent.stream().map(EventEnvelope::id).toList();
    }
}
