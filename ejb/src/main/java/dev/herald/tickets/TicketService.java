package dev.herald.tickets;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import dev.herald.publish.WireJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Opens tickets. The TICKET_CREATED event is published in the same transaction as the ticket row. */
@Stateless
public class TicketService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    EventPublisher publisher;

    public CreatedTicket create(NewTicket request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Ticket ticket = new Ticket(request.tenantId(), request.ticketNumber(), request.title(), now);
        em.persist(ticket);
        EventEnvelope event = publisher.publish(DomainEvent.of("TICKET_CREATED", WireJson.builders().createObjectBuilder()
                        .add("tenantId", ticket.getTenantId())
                        .add("ticketId", ticket.getId())
                        .add("occurredAt", EnvelopeJson.timestamp(now))
                        .add("actorType", "SYSTEM")
                        .add("createdAt", EnvelopeJson.timestamp(now))
                        .build())
                .forAggregate(ticket.getTenantId(), ticket.getId()));
        // The row is written after the event was handed over on purpose: a constraint violation here must take
        // the already-sent event down with the transaction, which is what the rollback guarantee promises.
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new TicketRejectedException("ticket number " + request.ticketNumber() + " already exists in tenant "
                        + request.tenantId(), e);
            }
            throw e;
        }
        return new CreatedTicket(ticket.getId(), ticket.getTicketNumber(), event.id());
    }

    public long count(String tenantId) {
        return em.createQuery("select count(t) from Ticket t where t.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
    }

    /** SQL state class 23 is an integrity constraint violation on every database Herald supports. */
    private static boolean isConstraintViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
