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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays the events of each broker message to Redis, one atomic write per stream (see {@link RedisRelay}). Every failed
 * attempt is counted in a failed-event record. While Redis is briefly away the attempt is made again in place
 * ({@link RelayAttempts}, up to {@code herald.relay.outage-retry}), which keeps the aggregate's later events behind it;
 * any other failure, or one past that budget, propagates: the container rolls the delivery back and Artemis redelivers
 * with backoff, then dead-letters. Nothing is swallowed here.
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

    @Inject
    RelaySettings settings;

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
        String traceparent = span.traceparent();
        List<CarriedEvent> traced = traceparent == null ? events
                : events.stream().map(event -> event.tracedBy(traceparent)).toList();
        boolean[] anyFailed = {false};
        try {
            List<CarriedEvent> written = new RelayAttempts(settings.outageRetry()).run(() -> relay.relayed(traced),
                    (failure, retrying) -> {
                        anyFailed[0] = true;
                        failed(events, failure, retrying);
                    });
            count(written);
            if (anyFailed[0] || redelivered(message)) {
                failures.recovered(events);
            }
        } catch (RuntimeException e) {
            span.failed(e);
            throw e;
        }
    }

    /** Counts, logs and records one failed attempt; the units a partly failed attempt wrote are counted now, once. */
    private void failed(List<CarriedEvent> events, RuntimeException e, boolean retrying) {
        // Liberty logs the exception that leaves onMessage, but not which events it concerns.
        LOG.warning(() -> "Relay of event(s) " + events.stream().map(CarriedEvent::eventId).toList() + " failed; "
                + (retrying ? "Redis looks briefly away, the relay tries again in place: "
                        : "the broker redelivers the message: ") + e);
        if (e instanceof PartlyRelayedException partly) {
            count(partly.written()); // the next attempt skips them, so now is their one count
        }
        events.forEach(event -> metrics.relayFailed());
        try {
            failures.attemptFailed(events, e);
        } catch (RuntimeException recordFailed) {
            if (retrying) {
                LOG.log(Level.WARNING, "Could not record the failed relay attempt of " + events.get(0).eventId(), recordFailed);
            } else {
                e.addSuppressed(recordFailed);
            }
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
