package dev.herald.relay;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventMessages;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Arrays;
import java.util.List;

/**
 * Relays each event from the broker to Redis. Any failure propagates: the container rolls the delivery back
 * and Artemis redelivers with backoff, then dead-letters. Nothing is swallowed here.
 * Its activation spec (queue, concurrency) lives in server.xml under id {@code herald/herald-ejb/EventRelayMdb}.
 */
@MessageDriven(name = "EventRelayMdb")
public class EventRelayMdb implements MessageListener {

    @Inject
    RedisRelay relay;

    @Override
    public void onMessage(Message message) {
        try {
            String body = ((TextMessage) message).getText();
            String channels = message.getStringProperty(EventMessages.CHANNELS);
            relay.relay(EnvelopeJson.fromJson(body), channels(channels));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable event message " + safeId(message), e);
        }
    }

    static List<String> channels(String property) {
        if (property == null || property.isBlank()) {
            return List.of(DomainEvent.GLOBAL_CHANNEL);
        }
        return Arrays.stream(property.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String safeId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
