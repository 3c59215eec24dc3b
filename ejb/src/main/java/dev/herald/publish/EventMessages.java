package dev.herald.publish;

import dev.herald.kernel.WireJson;
import dev.herald.tracing.EventSpans;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonValue;
import java.util.Arrays;
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
    /** The W3C trace context of the publish call, when tracing is on (docs/operations.md "Tracing"). */
    public static final String TRACEPARENT = EventSpans.TRACEPARENT;

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

    /**
     * Every event a message carries, in publish order: one, or the run of a batch message. The one place the message
     * format is read; each envelope is parsed here once.
     */
    public static List<CarriedEvent> read(Message message) throws JMSException {
        String body = ((TextMessage) message).getText();
        List<String> channels = channels(message.getStringProperty(CHANNELS));
        String group = message.getStringProperty(GROUP);
        String traceparent = message.getStringProperty(TRACEPARENT);
        if (!message.propertyExists(EVENT_COUNT)) {
            return List.of(new CarriedEvent(EnvelopeJson.fromJsonObject(WireJson.parseObject(body)), body, channels, group,
                    traceparent));
        }
        return WireJson.parse(body).asJsonArray().stream().map(JsonValue::asJsonObject)
                .map(envelope -> new CarriedEvent(EnvelopeJson.fromJsonObject(envelope), WireJson.write(envelope), channels,
                        group, traceparent))
                .toList();
    }

    /** The message with the trace context of its publish call; unchanged when there is none (tracing is off). */
    static TextMessage traced(TextMessage message, String traceparent) throws JMSException {
        if (traceparent != null) {
            message.setStringProperty(TRACEPARENT, traceparent);
        }
        return message;
    }

    /** The channels property as written by {@link #routed}; a message without one goes to {@code global}. */
    public static List<String> channels(String property) {
        if (property == null || property.isBlank()) {
            return List.of(DomainEvent.GLOBAL_CHANNEL);
        }
        return Arrays.stream(property.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static TextMessage routed(TextMessage message, List<String> channels, String aggregateKey) throws JMSException {
        message.setStringProperty(CHANNELS, String.join(",", channels));
        if (aggregateKey != null) {
            message.setStringProperty(GROUP, aggregateKey);
        }
        return message;
    }
}
