package dev.herald.tickets;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import dev.herald.publish.WireJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
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
        if (request.companyId() != null) {
            assignment(ticket).setCompanyId(inTenant(Company.class, request.companyId(), request.tenantId()).getId());
        }
        EventEnvelope event = publish("TICKET_CREATED", ticket, now, payload(ticket, now).add("createdAt", EnvelopeJson.timestamp(now)));
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

    public String createCompany(TicketDirectoryRequest request) {
        Company company = new Company(request.tenantId(), request.name(), request.email());
        em.persist(company);
        return company.getId();
    }

    public String createUser(TicketDirectoryRequest request) {
        User user = new User(request.tenantId(), request.name(), request.email());
        em.persist(user);
        return user.getId();
    }

    /** Assigns the ticket to a user of its tenant; publishes TICKET_ASSIGNED. @return the event id */
    public String assign(String ticketId, TicketDirectoryRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Ticket ticket = inTenant(Ticket.class, ticketId, request.tenantId());
        User user = inTenant(User.class, request.userId(), request.tenantId());
        assignment(ticket).setAssignedTo(user.getId());
        return publish("TICKET_ASSIGNED", ticket, now, payload(ticket, now).add("assignedToUserId", user.getId())
                .add("assignedAt", EnvelopeJson.timestamp(now))).id();
    }

    /** Adds a user of the tenant as an additional resource; publishes TICKET_UPDATED. @return the event id */
    public String addResource(String ticketId, TicketDirectoryRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Ticket ticket = inTenant(Ticket.class, ticketId, request.tenantId());
        User user = inTenant(User.class, request.userId(), request.tenantId());
        em.persist(new TicketAdditionalResource(ticket.getTenantId(), ticket.getId(), user.getId()));
        return publish("TICKET_UPDATED", ticket, now, payload(ticket, now)
                .add("updatedFields", WireJson.builders().createArrayBuilder().add("additionalResources"))).id();
    }

    private TicketAssignment assignment(Ticket ticket) {
        TicketAssignment assignment = em.find(TicketAssignment.class, ticket.getId());
        if (assignment == null) {
            assignment = new TicketAssignment(ticket);
            em.persist(assignment);
        }
        return assignment;
    }

    private JsonObjectBuilder payload(Ticket ticket, Instant now) {
        return WireJson.builders().createObjectBuilder()
                .add("tenantId", ticket.getTenantId())
                .add("ticketId", ticket.getId())
                .add("occurredAt", EnvelopeJson.timestamp(now))
                .add("actorType", "SYSTEM");
    }

    private EventEnvelope publish(String eventType, Ticket ticket, Instant now, JsonObjectBuilder payload) {
        return publisher.publish(DomainEvent.of(eventType, payload.build()).forAggregate(ticket.getTenantId(), ticket.getId()));
    }

    /** The entity of that id in the tenant; another tenant's is as absent as a missing one. */
    private <T> T inTenant(Class<T> type, String id, String tenantId) {
        T found = id == null ? null : em.find(type, id);
        String owner = found instanceof Ticket t ? t.getTenantId() : found instanceof DirectoryEntry d ? d.getTenantId() : null;
        if (found == null || !tenantId.equals(owner)) {
            throw new UnknownTicketEntityException(type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + id
                    + " does not exist in tenant " + tenantId);
        }
        return found;
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
