package dev.herald.publish;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.util.List;

/**
 * The JMS message format between the publisher and the relay. A message carries one event (body: the envelope JSON)
 * or a run of events of one aggregate with the same channels (body: a JSON array of envelopes, and
 * {@link #EVENT_COUNT}); the properties let the broker group and the relay route without parsing the body.
 */
public final class EventMessages {

    public static final String EVENT_ID = "heraldEventId";
    public static final String EVENT_TYPE = "heraldEventType";
    /** Present on a message of several events: how many envelopes its array holds. */
    public static final String EVENT_COUNT = "heraldEventCount";
    /** Comma-separated channel names; {@code global} unless the event asked for more. */
    public static final String CHANNELS = "heraldChannels";
    /** Standard JMS group property: messages of one group are consumed in order, one at a time. */
    public static final String GROUP = "JMSXGroupID";

    private EventMessages() {
    }

    /** The JMS message for one envelope: the format the publisher sends for a lone event and a replay sends again. */
    public static TextMessage create(JMSContext context, String envelopeJson, String eventId, String eventType,
                                     List<String> channels, String aggregateKey) throws JMSException {
        TextMessage message = context.createTextMessage(envelopeJson);
        message.setStringProperty(EVENT_ID, eventId);
        message.setStringProperty(EVENT_TYPE, eventType);
        return routed(message, channels, aggregateKey);
    }

    /** One message for several envelopes that share their aggregate and channels (see {@link MessageGrouping}). */
    public static TextMessage createRun(JMSContext context, List<String> envelopeJsons, List<String> channels,
                                        String aggregateKey) throws JMSException {
        TextMessage message = context.createTextMessage("[" + String.join(",", envelopeJsons) + "]");
        message.setIntProperty(EVENT_COUNT, envelopeJsons.size());
        return routed(message, channels, aggregateKey);
    }

    private static TextMessage routed(TextMessage message, List<String> channels, String aggregateKey) throws JMSException {
        message.setStringProperty(CHANNELS, String.join(",", channels));
        if (aggregateKey != null) {
            message.setStringProperty(GROUP, aggregateKey);
        }
        return message;
    }
}
