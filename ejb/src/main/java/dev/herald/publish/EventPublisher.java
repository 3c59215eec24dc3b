package dev.herald.publish;

import dev.herald.kernel.EventMetrics;
import dev.herald.tracing.EventSpans;
import dev.herald.kernel.Uuids;
import dev.herald.events.BrokerUnavailableException;
import dev.herald.events.EventIssue;
import dev.herald.events.IdempotencyKeyTakenException;
import dev.herald.events.InvalidEventException;
import dev.herald.auth.TenantDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import dev.herald.jpa.StoreFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import dev.herald.versions.EventVersions;
import dev.herald.versions.WireVersions;

/**
 * The one API business code uses to publish domain events. It joins the caller's JTA transaction (or starts one
 * for a caller without): the JMS send goes through the Artemis resource adapter, so a rollback publishes nothing
 * and a commit makes the event durable in the broker whether or not Redis is up. An invalid event is refused with
 * every issue and leaves the caller's transaction alone; nothing of it is sent.
 */
@Stateless
public class EventPublisher {

    /** Events of one aggregate share a message up to this many, so a batch message stays below Artemis' 100 KiB large-message size. */
    static final int MAX_EVENTS_PER_MESSAGE = 100;

    @Resource(lookup = "jms/heraldConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/heraldEvents")
    Queue events;

    @Resource
    SessionContext session;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    PayloadValidator payloadValidator;

    @Inject
    TenantDirectory tenantDirectory;

    @Inject
    PublishSettings settings;

    @Inject
    EventMetrics metrics;

    @Inject
    EventSpans spans;

    @Inject
    WireVersions wireVersions;

    @Inject
    EventVersions eventVersions;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private EnvelopeFactory envelopes;
    private TenantStamp tenantStamp;
    private WireFanOut fanOut;

    @PostConstruct
    void init() {
        envelopes = EnvelopeFactory.system(payloadValidator, settings.channelPolicy());
        tenantStamp = new TenantStamp(tenantDirectory, payloadValidator);
        fanOut = new WireFanOut(wireVersions, eventVersions, payloadValidator);
    }

    /**
     * Publishes the event in the caller's transaction.
     *
     * @throws InvalidEventException         when it cannot be published as given (pointers without an index)
     * @throws IdempotencyKeyTakenException when a concurrent publish took its idempotency key first
     */
    public EventEnvelope publish(DomainEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /**
     * The envelope {@link #publish} would send for the event, enriched and validated the same way, without sending
     * it or taking its idempotency key (the simulator's dry run).
     *
     * @throws InvalidEventException exactly when {@link #publish} would refuse the event
     */
    public EventEnvelope preview(DomainEvent event) {
        return build(List.of(event)).get(0).envelope();
    }

    /**
     * Publishes every event in the caller's transaction, or none: one invalid event (or a null) refuses the whole
     * batch, its issues prefixed with its index ({@code /3/payload/ticketId}; a null is {@code /3} even alone).
     *
     * @return one envelope per event, in order; for a repeated idempotency key, the envelope first published with it
     * @throws IdempotencyKeyTakenException when a concurrent publish took one of the batch's idempotency keys first
     */
    public List<EventEnvelope> publishAll(List<DomainEvent> batch) {
        List<Outgoing> built;
        try {
            built = build(batch);
        } catch (InvalidEventException e) {
            metrics.refused();
            throw e;
        }
        List<EventEnvelope> result = new ArrayList<>(batch.size());
        List<Outgoing> outgoing = new ArrayList<>(batch.size());
        for (Outgoing candidate : built) {
            DomainEvent event = candidate.event();
            Optional<EventEnvelope> earlier = event.idempotencyKey().flatMap(key -> alreadyPublished(event.tenantId(), key));
            if (earlier.isPresent()) {
                result.add(earlier.get());
                continue;
            }
            EventEnvelope envelope = candidate.envelope();
            event.idempotencyKey().ifPresent(key -> takeKey(event.tenantId(), key, envelope));
            outgoing.add(candidate);
            result.add(envelope);
        }
        send(outgoing);
        return result;
    }

    /** An accepted event: the envelope of the version it was published in (its receipt) and its envelopes on the wire. */
    private record Outgoing(DomainEvent event, EventEnvelope envelope, List<EventEnvelope> onWire) {

        /** One per envelope on the wire: the JMS messages carry each version as an event of its own. */
        Stream<Outgoing> perWireVersion() {
            return onWire.stream().map(wire -> new Outgoing(event, wire, List.of(wire)));
        }
    }

    private void send(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return;
        }
        List<Outgoing> wire = outgoing.stream().flatMap(Outgoing::perWireVersion).toList();
        try (EventSpans.EventSpan span = spans.publishing(outgoing.size());
             JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            String traceparent = span.traceparent();
            for (List<Outgoing> run : MessageGrouping.group(wire, o -> o.event().aggregateKey(), o -> o.event().distinctChannels(),
                    MAX_EVENTS_PER_MESSAGE)) {
                producer.send(events, message(context, run, traceparent));
            }
        } catch (JMSRuntimeException e) {
            throw new BrokerUnavailableException("the broker did not take " + outgoing.size() + " event(s): "
                    + e.getMessage(), e);
        }
        countWhenCommitted(outgoing);
    }

    /** Published means committed: a rolled-back transaction sent nothing, so its events are not counted. */
    private void countWhenCommitted(List<Outgoing> outgoing) {
        List<String> types = outgoing.stream().map(o -> o.envelope().eventType()).toList();
        if (transactions.getTransactionKey() == null) {
            types.forEach(metrics::published);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    types.forEach(metrics::published);
                }
            }
        });
    }

    /** Each event with its tenant as the consumers read it (so idempotency keys and envelopes agree), and its envelope. */
    private List<Outgoing> build(List<DomainEvent> batch) {
        Optional<String> actor = callerUserId();
        List<Outgoing> built = new ArrayList<>(batch.size());
        List<EventIssue> issues = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == null) {
                issues.add(new EventIssue("/" + i, "must be an event, not null"));
                continue;
            }
            String prefix = batch.size() == 1 ? "" : "/" + i;
            try {
                DomainEvent stamped = tenantStamp.apply(batch.get(i));
                EventEnvelope envelope = envelopes.create(stamped, actor);
                built.add(new Outgoing(stamped, envelope, fanOut.envelopes(envelope)));
            } catch (InvalidEventException e) {
                e.issues().forEach(issue -> issues.add(new EventIssue(prefix + issue.pointer(), issue.message())));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidEventException(batch.size() == 1 && batch.get(0) != null ? batch.get(0).eventType() : "batch", issues);
        }
        return built;
    }

    /**
     * Records the key with its envelope, and finds out at once whether a concurrent publish holds it (the unique key
     * makes the insert wait for that transaction, and fail if it commits): then this publish is refused before
     * anything is sent, and the caller's transaction rolls back, because the failed insert left it unusable.
     */
    private void takeKey(String tenantId, String key, EventEnvelope envelope) {
        // The caller's pending writes go first, so that a failure of theirs is not taken for a taken key.
        em.flush();
        em.persist(new PublishedKey(tenantId, key, envelope, Instant.now()));
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (StoreFailures.isConstraintViolation(e) || StoreFailures.isConcurrentChange(e)) {
                throw new IdempotencyKeyTakenException(tenantId, key, e);
            }
            throw e;
        }
    }

    private Optional<EventEnvelope> alreadyPublished(String tenantId, String key) {
        Optional<PublishedKey> found = em.createQuery(
                        "SELECT k FROM PublishedKey k WHERE k.tenantId = :tenant AND k.idempotencyKey = :key", PublishedKey.class)
                .setParameter("tenant", tenantId).setParameter("key", key).getResultStream().findFirst();
        if (found.isPresent() && found.get().getCreatedAt().plus(settings.idempotencyWindow()).isBefore(Instant.now())) {
            em.remove(found.get());
            em.flush();
            return Optional.empty();
        }
        return found.map(PublishedKey::envelope);
    }

    private static TextMessage message(JMSContext context, List<Outgoing> run, String traceparent) {
        DomainEvent first = run.get(0).event();
        try {
            TextMessage message;
            if (run.size() == 1) {
                EventEnvelope envelope = run.get(0).envelope();
                message = EventMessages.create(context, EnvelopeJson.toJson(envelope), envelope.recordId(), envelope.eventType(),
                        first.distinctChannels(), first.aggregateKey().orElse(null));
            } else {
                message = EventMessages.createRun(context, run.stream().map(o -> EnvelopeJson.toJson(o.envelope())).toList(),
                        first.distinctChannels(), first.aggregateKey().orElse(null));
            }
            return EventMessages.traced(message, traceparent);
        } catch (JMSException e) {
            throw new IllegalStateException("could not label the JMS message for " + run.size() + " event(s) from "
                    + run.get(0).envelope().id(), e);
        }
    }

    /** The authenticated caller's id, when it is a user id (a UUID); nothing for anonymous or system callers. */
    private Optional<String> callerUserId() {
        String name = session.getCallerPrincipal().getName();
        return Uuids.isUuid(name) ? Optional.of(name) : Optional.empty();
    }
}
