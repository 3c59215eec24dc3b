package dev.herald.publish;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.util.List;

/**
 * Names of the JMS message properties that carry an envelope from the publisher to the relay. The body is the
 * envelope JSON; the properties let the broker group and the relay route without parsing it.
 */
public final class EventMessages {

    public static final String EVENT_ID = "heraldEventId";
    public static final String EVENT_TYPE = "heraldEventType";
    /** Comma-separated channel names; {@code global} unless the event asked for more. */
    public static final String CHANNELS = "heraldChannels";
    /** Standard JMS group property: messages of one group are consumed in order, one at a time. */
    public static final String GROUP = "JMSXGroupID";

    private EventMessages() {
    }

    /** The JMS message for an envelope: the one format the publisher sends and a replay sends again. */
    public static TextMessage create(JMSContext context, String envelopeJson, String eventId, String eventType,
                                     List<String> channels, String aggregateKey) throws JMSException {
        TextMessage message = context.createTextMessage(envelopeJson);
        message.setStringProperty(EVENT_ID, eventId);
        message.setStringProperty(EVENT_TYPE, eventType);
        message.setStringProperty(CHANNELS, String.join(",", channels));
        if (aggregateKey != null) {
            message.setStringProperty(GROUP, aggregateKey);
        }
        return message;
    }
}
