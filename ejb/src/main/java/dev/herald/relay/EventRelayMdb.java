package dev.herald.relay;

import dev.herald.kernel.EventMetrics;
import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EventMessages;
import dev.herald.tracing.EventSpans;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Relays the events of each broker message to Redis, one atomic write per stream (see {@link RedisRelay}). Any failure is counted in a failed-event record and then propagates:
 * the container rolls the delivery back and Artemis redelivers with backoff, then dead-letters. Nothing is
 * swallowed here.
 *
 * <p>Deliveries are not transacted: the relay writes nothing but Redis, which takes no part in a JTA transaction,
 * and its scripts write each event once per stream however often they run. So the broker's acknowledgement after a successful
 * relay is enough (a crash before it means one more delivery, which the scripts turn into no write), and the XA
 * round trips of a transacted delivery would only slow every event down. A thrown exception makes the resource
 * adapter roll the session back, so the broker still redelivers with backoff and dead-letters.
 * Its activation spec (queue, concurrency) lives in server.xml under id
 * {@code herald/herald-ejb/EventRelayMdb}.
 */
@MessageDriven(name = "EventRelayMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventRelayMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EventRelayMdb.class.getName());

    @Inject
    RedisRelay relay;

    @Inject
    RelayFailures failures;

    @Inject
    EventMetrics metrics;

    @Inject
    EventSpans spans;

    @Override
    public void onMessage(Message message) {
        List<CarriedEvent> events;
        try {
            events = EventMessages.read(message);
        } catch (JMSException | RuntimeException e) {
            throw new IllegalStateException("unreadable event message " + safeId(message), e);
        }
        CarriedEvent first = events.get(0);
        try (EventSpans.EventSpan span = spans.receiving("herald relay", first.traceparent(), first.eventId(),
                first.eventType())) {
            relay(message, events, span);
        }
    }

    private void relay(Message message, List<CarriedEvent> events, EventSpans.EventSpan span) {
        try {
            String traceparent = span.traceparent();
            List<CarriedEvent> written = relay.relayed(traceparent == null ? events
                    : events.stream().map(event -> event.tracedBy(traceparent)).toList());
            count(written);
            if (redelivered(message)) {
                failures.recovered(events);
            }
        } catch (RuntimeException e) {
            span.failed(e);
            // Liberty logs the exception that leaves onMessage, but not which events it concerns.
            LOG.warning(() -> "Relay of event(s) " + events.stream().map(CarriedEvent::eventId).toList()
                    + " failed; the broker redelivers the message: " + e);
            if (e instanceof PartlyRelayedException partly) {
                count(partly.written()); // the redelivery skips them, so now is their one count
            }
            events.forEach(event -> metrics.relayFailed());
            try {
                failures.attemptFailed(events, e);
            } catch (RuntimeException recordFailed) {
                e.addSuppressed(recordFailed);
            }
            throw e;
        }
    }

    /**
     * One count per unit written; the latency once per event written (a redelivery skipped entirely has none; an event
     * whose units were written by two deliveries, after a partly failed one, has a sample from each).
     */
    private void count(List<CarriedEvent> written) {
        long now = System.currentTimeMillis();
        CarriedEvent previous = null;
        for (CarriedEvent event : written) {
            metrics.relayed(event.envelope().eventType());
            if (event != previous) {
                metrics.publishToStream(Duration.ofMillis(now - event.envelope().timestamp().toEpochMilli()));
            }
            previous = event;
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
