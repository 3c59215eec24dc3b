package dev.herald.relay;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventMessages;
import dev.herald.publish.WireJson;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Arrays;
import java.util.List;

/** One event as it travels through the broker: the envelope JSON and the routing the publisher asked for. */
public record RelayedMessage(String eventId, String eventType, String tenantId, String envelopeJson, List<String> channels,
                             String aggregateKey) {

    public static RelayedMessage from(Message message) throws JMSException {
        String body = ((TextMessage) message).getText();
        String tenant = WireJson.parseObject(body).getJsonObject("payload").getString("tenantId", null);
        return new RelayedMessage(message.getStringProperty(EventMessages.EVENT_ID),
                message.getStringProperty(EventMessages.EVENT_TYPE), tenant, body,
                channels(message.getStringProperty(EventMessages.CHANNELS)),
                message.getStringProperty(EventMessages.GROUP));
    }

    /** The same message again, for a replay: same id, same channels, same group. */
    public TextMessage toMessage(JMSContext context) throws JMSException {
        return EventMessages.create(context, envelopeJson, eventId, eventType, channels, aggregateKey);
    }

    static List<String> channels(String property) {
        if (property == null || property.isBlank()) {
            return List.of(DomainEvent.GLOBAL_CHANNEL);
        }
        return Arrays.stream(property.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
