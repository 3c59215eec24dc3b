package dev.herald.relay;

import dev.herald.publish.EnvelopeJson;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Relays each event from the broker to Redis. Any failure is counted in a failed-event record and then propagates:
 * the container rolls the delivery back and Artemis redelivers with backoff, then dead-letters. Nothing is
 * swallowed here. Its activation spec (queue, concurrency) lives in server.xml under id
 * {@code herald/herald-ejb/EventRelayMdb}.
 */
@MessageDriven(name = "EventRelayMdb")
public class EventRelayMdb implements MessageListener {

    @Inject
    RedisRelay relay;

    @Inject
    RelayFailures failures;

    @Override
    public void onMessage(Message message) {
        RelayedMessage event;
        try {
            event = RelayedMessage.from(message);
        } catch (JMSException | RuntimeException e) {
            throw new IllegalStateException("unreadable event message " + safeId(message), e);
        }
        try {
            relay.relay(EnvelopeJson.fromJson(event.envelopeJson()), event.channels());
            if (redelivered(message)) {
                failures.recovered(event.eventId());
            }
        } catch (RuntimeException e) {
            try {
                failures.attemptFailed(event, e);
            } catch (RuntimeException recordFailed) {
                e.addSuppressed(recordFailed);
            }
            throw e;
        }
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return true;
        }
    }

    static String safeId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
