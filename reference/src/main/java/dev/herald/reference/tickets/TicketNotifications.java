package dev.herald.reference.tickets;

import dev.herald.reference.changes.AggregateNotFoundException;
import dev.herald.events.ReceivedEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Records the notifications of one ticket event, in one transaction: the recipients are read from the ticket, its
 * client company, its assignee and its additional resources, each in the event's tenant. A recipient already
 * recorded for the event is skipped (a redelivery that got past the subscriber ledger), and the unique constraint
 * on (event id, recipient) backs that up.
 */
@Stateless
public class TicketNotifications {

    private static final Logger LOG = Logger.getLogger(TicketNotifications.class.getName());

    @PersistenceContext(unitName = "herald-reference")
    EntityManager em;

    /** @return the notifications recorded by this call (none when every recipient had one already) */
    public int record(ReceivedEvent event) {
        String ticketId = event.payload().getString("ticketId");
        Ticket ticket = em.find(Ticket.class, ticketId);
        if (ticket == null || !ticket.getTenantId().equals(event.tenantId())) {
            // Events of tickets Herald does not hold (another producer's) have no recipients here.
            LOG.fine(() -> "No ticket " + ticketId + " in tenant " + event.tenantId() + " for event " + event.id()
                    + " (entry " + event.entryId() + "): nothing to notify");
            return 0;
        }
        Set<String> done = new HashSet<>(em.createQuery(
                        "select n.recipient from TicketNotification n where n.eventId = :event", String.class)
                .setParameter("event", event.id()).getResultList());
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        int recorded = 0;
        for (NotificationRecipients.Recipient recipient : recipients(ticket, event)) {
            if (!done.contains(recipient.email())) {
                em.persist(new TicketNotification(ticket.getTenantId(), event.id(), event.eventType(), ticket.getId(), recipient, now));
                recorded++;
            }
        }
        return recorded;
    }

    private List<NotificationRecipients.Recipient> recipients(Ticket ticket, ReceivedEvent event) {
        String tenant = ticket.getTenantId();
        Optional<TicketAssignment> assignment = Optional.ofNullable(em.find(TicketAssignment.class, ticket.getId()));
        Optional<String> company = assignment.map(TicketAssignment::getCompanyId).map(id -> em.find(Company.class, id))
                .filter(c -> c.getTenantId().equals(tenant)).map(Company::getEmail);
        String assigneeId = event.payload().getString("assignedToUserId",
                assignment.map(TicketAssignment::getAssignedTo).orElse(null));
        Optional<String> assignee = Optional.ofNullable(assigneeId).map(id -> em.find(User.class, id))
                .filter(u -> u.getTenantId().equals(tenant)).map(User::getEmail);
        List<String> resources = em.createQuery("select u.email from TicketAdditionalResource r, User u"
                        + " where r.ticketId = :ticket and r.tenantId = :tenant and u.id = r.userId and u.tenantId = :tenant"
                        + " order by u.email", String.class)
                .setParameter("ticket", ticket.getId()).setParameter("tenant", tenant).getResultList();
        return NotificationRecipients.resolve(company, assignee, resources);
    }

    /** @throws AggregateNotFoundException when the tenant has no such ticket (another tenant's is as unknown as a missing one) */
    public List<TicketNotification> of(String tenantId, String ticketId) {
        Ticket ticket = ticketId == null ? null : em.find(Ticket.class, ticketId);
        if (ticket == null || !tenantId.equals(ticket.getTenantId())) {
            throw new AggregateNotFoundException("tenant " + tenantId + " has no ticket " + ticketId);
        }
        return em.createQuery("select n from TicketNotification n where n.tenantId = :tenant and n.ticketId = :ticket"
                        + " order by n.createdAt, n.recipient", TicketNotification.class)
                .setParameter("tenant", tenantId).setParameter("ticket", ticketId).getResultList();
    }
}
