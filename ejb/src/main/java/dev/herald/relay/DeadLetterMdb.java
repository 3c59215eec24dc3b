package dev.herald.relay;

import dev.herald.publish.EventMessages;
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

    @Override
    public void onMessage(Message message) {
        try {
            failures.deadLettered(EventMessages.read(message));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable dead-lettered message " + EventRelayMdb.safeId(message), e);
        }
    }
}
