package dev.herald.relay;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventMessages;
import dev.herald.kernel.WireJson;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;

/** One event as it travels through the broker: the envelope JSON and the routing the publisher asked for. */
public record RelayedMessage(String eventId, String eventType, String tenantId, String envelopeJson, List<String> channels,
                             String aggregateKey) {

    /** Every event a JMS message carries, in publish order: one, or the run of a batch message. */
    public static List<RelayedMessage> allFrom(Message message) throws JMSException {
        String body = ((TextMessage) message).getText();
        List<String> channels = channels(message.getStringProperty(EventMessages.CHANNELS));
        String group = message.getStringProperty(EventMessages.GROUP);
        if (!message.propertyExists(EventMessages.EVENT_COUNT)) {
            return List.of(of(WireJson.parseObject(body), body, channels, group));
        }
        return WireJson.parse(body).asJsonArray().stream().map(JsonValue::asJsonObject)
                .map(envelope -> of(envelope, WireJson.write(envelope), channels, group)).toList();
    }

    private static RelayedMessage of(JsonObject envelope, String json, List<String> channels, String group) {
        return new RelayedMessage(envelope.getString("id"), envelope.getString("eventType"),
                envelope.getJsonObject("payload").getString("tenantId", null), json, channels, group);
    }

    /** The same event again, alone, for a replay: same id, same channels, same group. */
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
