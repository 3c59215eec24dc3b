package dev.herald.relay;

import dev.herald.kernel.EventMetrics;
import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EventMessages;
import java.util.List;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the events the broker gave up on off its dead-letter queue and records them as dead-lettered, where they
 * are listed and can be replayed. If the record cannot be written the delivery fails and the broker keeps the
 * message. Activation spec id: {@code herald/herald-ejb/DeadLetterMdb}.
 */
@MessageDriven(name = "DeadLetterMdb")
public class DeadLetterMdb implements MessageListener {

    @Inject
    RelayFailures failures;

    @Inject
    EventMetrics metrics;

    @Override
    public void onMessage(Message message) {
        try {
            List<CarriedEvent> events = EventMessages.read(message);
            failures.deadLettered(events);
            events.forEach(event -> metrics.relayDeadLettered());
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable dead-lettered message " + EventRelayMdb.safeId(message), e);
        }
    }
}
