package dev.herald.publish;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * The one API business code uses to publish a domain event. The JMS send goes through the Artemis resource
 * adapter and so joins the caller's JTA transaction: a rollback publishes nothing, a commit makes the event
 * durable in the broker whether or not Redis is up. With no transaction the event is sent at once.
 */
@ApplicationScoped
public class EventPublisher {

    private EnvelopeFactory envelopes;

    @Inject
    PayloadValidator payloadValidator;

    @Resource(lookup = "jms/heraldConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/heraldEvents")
    Queue events;

    @PostConstruct
    void init() {
        envelopes = EnvelopeFactory.system(payloadValidator);
    }

    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = envelopes.create(event);
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(EnvelopeJson.toJson(envelope));
            message.setStringProperty(EventMessages.EVENT_ID, envelope.id());
            message.setStringProperty(EventMessages.EVENT_TYPE, envelope.eventType());
            message.setStringProperty(EventMessages.CHANNELS, String.join(",", event.channels()));
            if (event.aggregateKey().isPresent()) {
                message.setStringProperty(EventMessages.GROUP, event.aggregateKey().get());
            }
            context.createProducer().send(events, message);
        } catch (JMSException e) {
            throw new IllegalStateException("could not hand " + envelope.eventType() + " " + envelope.id() + " to the broker", e);
        }
        return envelope;
    }
}
