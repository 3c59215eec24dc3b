package dev.herald.publish;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.util.List;

/**
 * One event as it travels through the broker: its envelope, parsed once where the message is read
 * ({@link EventMessages#read}), the JSON text it came as (what the relay writes and a failure record keeps), and the
 * routing the publisher asked for; with tracing on, the W3C trace context of the hop before (null otherwise).
 */
public record CarriedEvent(EventEnvelope envelope, String envelopeJson, List<String> channels, String aggregateKey,
                           String traceparent) {

    public CarriedEvent {
        channels = List.copyOf(channels);
    }

    public CarriedEvent(EventEnvelope envelope, String envelopeJson, List<String> channels, String aggregateKey) {
        this(envelope, envelopeJson, channels, aggregateKey, null);
    }

    /** The same event, traced as a child of another span (the relay's, for what it writes to Redis). */
    public CarriedEvent tracedBy(String parent) {
        return new CarriedEvent(envelope, envelopeJson, channels, aggregateKey, parent);
    }

    /** The key of this envelope in the relay's failure records: the event id, made distinct per version ({@link EventEnvelope#recordId()}). */
    public String eventId() {
        return envelope.recordId();
    }

    public String eventType() {
        return envelope.eventType();
    }

    /** The tenant the payload names, or null when it names none (the relay still writes it; the record keeps null). */
    public String tenantId() {
        return envelope.payload().getString("tenantId", null);
    }

    /** The same event again, alone, for a replay: same id, same channels, same group. */
    public TextMessage toMessage(JMSContext context) throws JMSException {
        return EventMessages.create(context, envelopeJson, eventId(), eventType(), channels, aggregateKey);
    }
}
