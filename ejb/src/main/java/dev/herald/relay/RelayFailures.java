package dev.herald.relay;

import dev.herald.kernel.EventMetrics;
import dev.herald.publish.CarriedEvent;
import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Makes relay failures visible and replayable: the failed-event records and the replay call. */
@Stateless
public class RelayFailures {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource(lookup = "jms/heraldConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/heraldEvents")
    Queue events;

    @Inject
    EventMetrics metrics;

    /**
     * Counts a failed attempt for every event of the message (the broker redelivers it whole), in a transaction
     * of its own: the delivery's own transaction is about to roll back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attemptFailed(List<CarriedEvent> events, Throwable error) {
        String reason = describe(error);
        Instant now = Instant.now();
        events.forEach(event -> findOrCreate(event).attemptFailed(reason, now));
    }

    /** Called when a redelivered message finally got through. */
    public void recovered(List<CarriedEvent> events) {
        for (CarriedEvent event : events) {
            FailedEvent record = em.find(FailedEvent.class, event.eventId());
            if (record != null) {
                record.recovered();
            }
        }
    }

    public void deadLettered(List<CarriedEvent> events) {
        Instant now = Instant.now();
        events.forEach(event -> findOrCreate(event).deadLettered(now));
    }

    public List<RelayFailure> list(Optional<FailedEvent.Status> status) {
        List<FailedEvent> found = status.isEmpty()
                ? em.createQuery("SELECT f FROM FailedEvent f ORDER BY f.lastFailedAt DESC", FailedEvent.class)
                        .setMaxResults(500).getResultList()
                : em.createQuery("SELECT f FROM FailedEvent f WHERE f.status = :status ORDER BY f.lastFailedAt DESC",
                        FailedEvent.class).setParameter("status", status.get()).setMaxResults(500).getResultList();
        return found.stream().map(RelayFailure::of).toList();
    }

    public Optional<RelayFailure> find(String eventId) {
        return Optional.ofNullable(em.find(FailedEvent.class, eventId)).map(RelayFailure::of);
    }

    /**
     * Hands the event to the relay again, with its id: the relay's dedupe writes it once on every stream that did
     * not get it yet.
     *
     * @return false when there is no such failed event
     */
    public boolean replay(String eventId) {
        FailedEvent record = em.find(FailedEvent.class, eventId);
        if (record == null) {
            return false;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(events, record.message().toMessage(context));
        } catch (JMSException e) {
            throw new IllegalStateException("could not hand event " + eventId + " back to the broker", e);
        }
        record.replayed(Instant.now());
        metrics.relayReplayed();
        return true;
    }

    private FailedEvent findOrCreate(CarriedEvent message) {
        FailedEvent record = em.find(FailedEvent.class, message.eventId());
        if (record == null) {
            record = new FailedEvent(message, Instant.now());
            em.persist(record);
        }
        return record;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 1500; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
