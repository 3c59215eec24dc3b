package dev.herald.events;

import java.util.List;

/**
 * Publishes typed events for a tenant, in the caller's transaction: the events reach the broker when it commits, and
 * nothing does when it rolls back. Inject it into an EJB or CDI bean ({@code @Inject Publisher publisher}).
 *
 * <p>The tenant is the tenant's UUID or a slug the tenant directory maps. It is written into the payload's
 * {@code tenantId} (and {@code tenant}, for the types that carry it) when the event leaves it empty; an event that
 * names another tenant there is refused. Every event is validated against its type's JSON Schema before anything
 * is sent.
 */
public interface Publisher {

    /**
     * @throws InvalidEventException         when the payload breaks its schema; the caller's transaction is left
     *                                       alone, the caller decides whether its change stands without the event
     * @throws IdempotencyKeyTakenException when a concurrent publish took the event's idempotency key first
     * @throws BrokerUnavailableException   when the broker cannot take the event
     */
    PublishedEvent publish(String tenant, HeraldEvent event);

    /** Publishes one event with its routing and idempotency options; throws as {@link #publish(String, HeraldEvent)}. */
    PublishedEvent publish(String tenant, Outgoing event);

    /**
     * Publishes every event or none: one invalid event refuses the batch, its issues' pointers prefixed with its
     * index ({@code /3/payload/ticketId}).
     *
     * @return one receipt per event, in order; for a repeated idempotency key, the receipt of its first publish
     */
    List<PublishedEvent> publishAll(String tenant, List<Outgoing> events);
}
