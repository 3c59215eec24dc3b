package dev.herald.reference.tickets;

import dev.herald.reference.changes.ChangeResult;
import dev.herald.reference.changes.DomainEvents;
import dev.herald.reference.changes.References;
import dev.herald.reference.changes.RefusedChangeException;
import dev.herald.reference.changes.Require;
import dev.herald.reference.changes.Moments;
import dev.herald.reference.tickets.TicketRequests.Assignee;
import dev.herald.reference.tickets.TicketRequests.NewCategory;
import dev.herald.reference.tickets.TicketRequests.NewComment;
import dev.herald.reference.tickets.TicketRequests.NewContact;
import dev.herald.reference.tickets.TicketRequests.StatusMove;
import dev.herald.reference.tickets.TicketRequests.TicketUpdate;
import dev.herald.reference.tickets.TicketTransitions.Comment;
import dev.herald.reference.tickets.TicketTransitions.Context;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Tickets. Every operation changes the rows and publishes what the change means ({@link TicketTransitions}) in one
 * transaction: an operation that fails publishes nothing, and an event the registry refuses takes the operation
 * down with it. A referenced status, priority, board, user or contact that is not the tenant's is refused (400); a
 * ticket that is not the tenant's does not exist (404).
 */
@Stateless
public class TicketService {

    @PersistenceContext(unitName = "herald-reference")
    EntityManager em;

    @Inject
    DomainEvents events;

    public CreatedTicket create(String tenantId, NewTicket request) {
        Instant now = Moments.now();
        Ticket ticket = new Ticket(tenantId, Require.text(request.ticketNumber(), "ticketNumber"), Require.text(request.title(), "title"), now);
        em.persist(ticket);
        if (request.companyId() != null) {
            assignment(ticket).setCompanyId(inTenant(Company.class, request.companyId(), tenantId).getId());
        }
        TicketState state = TicketState.titled(ticket.getTitle()).withText(ticket.getTitle(), request.description());
        state = classified(tenantId, state, request.statusId(), request.priorityId(), request.boardId());
        if (request.assignedToUserId() != null) {
            state = state.withAssignee(inTenant(User.class, request.assignedToUserId(), tenantId).getId());
        }
        apply(ticket, TicketState.titled(ticket.getTitle()), state);
        ChangeResult published = events.publish(tenantId, ticket.getId(), TicketTransitions.created(context(ticket, request.actorUserId(), now), state));
        // The rows are written after the events were handed over on purpose: a constraint violation here must take
        // the already-sent events down with the transaction, which is what the rollback guarantee promises.
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new TicketRejectedException("ticket number " + request.ticketNumber() + " already exists in tenant " + tenantId, e);
            }
            throw e;
        }
        return CreatedTicket.of(ticket, published);
    }

    /** Title, description, status, priority and board; a null field is left as is. */
    public ChangeResult update(String tenantId, String ticketId, TicketUpdate update) {
        return change(tenantId, ticketId, update.actorUserId(), before -> classified(tenantId,
                before.withText(update.title() == null ? before.title() : Require.text(update.title(), "title"),
                        update.description() == null ? before.description() : update.description()),
                update.statusId(), update.priorityId(), update.boardId()));
    }

    /** Into a closed status: TICKET_CLOSED. Refused for a status that is not closed or a ticket closed already. */
    public ChangeResult close(String tenantId, String ticketId, StatusMove move) {
        return moveStatus(tenantId, ticketId, move, true);
    }

    /** Out of a closed status into an open one: TICKET_REOPENED. Refused for a ticket that is not closed. */
    public ChangeResult reopen(String tenantId, String ticketId, StatusMove move) {
        return moveStatus(tenantId, ticketId, move, false);
    }

    public ChangeResult assign(String tenantId, String ticketId, Assignee request) {
        inTenant(Ticket.class, ticketId, tenantId);
        String user = inTenant(User.class, request.userId(), tenantId).getId();
        return change(tenantId, ticketId, request.actorUserId(), before -> before.withAssignee(user));
    }

    public ChangeResult unassign(String tenantId, String ticketId, String actorUserId) {
        return change(tenantId, ticketId, actorUserId, before -> before.withAssignee(null));
    }

    /** Adds a user of the tenant as an additional resource: a TICKET_UPDATED of {@code additionalResources}. */
    public ChangeResult addResource(String tenantId, String ticketId, Assignee request) {
        inTenant(Ticket.class, ticketId, tenantId);
        String user = inTenant(User.class, request.userId(), tenantId).getId();
        return change(tenantId, ticketId, request.actorUserId(), before -> before.withResource(user));
    }

    public ChangeResult comment(String tenantId, String ticketId, NewComment request) {
        Ticket ticket = inTenant(Ticket.class, ticketId, tenantId);
        if ((request.authorUserId() == null) == (request.authorContactId() == null)) {
            throw new RefusedChangeException("a comment needs exactly one author: authorUserId or authorContactId");
        }
        String channel = request.channel() == null ? "api" : request.channel();
        if (!Comment.CHANNELS.contains(channel)) {
            throw new RefusedChangeException("channel must be one of " + Comment.CHANNELS + ", was " + channel);
        }
        boolean byContact = request.authorContactId() != null;
        if (byContact && request.internal()) {
            throw new RefusedChangeException("a client contact cannot write an internal note");
        }
        DirectoryEntry authorEntry = byContact ? reference(Contact.class, request.authorContactId(), tenantId, "authorContactId")
                : reference(User.class, request.authorUserId(), tenantId, "authorUserId");
        String author = authorEntry.getId();
        Comment comment = Comment.by(TicketComment.newId(), Require.text(request.body(), "body"), request.internal(), authorEntry,
                byContact ? Comment.CONTACT : Comment.USER, channel);
        Instant now = Moments.now();
        em.persist(new TicketComment(ticket, comment, now));
        Context context = new Context(tenantId, ticketId, byContact ? Optional.empty() : Optional.of(author),
                byContact ? Optional.of(author) : Optional.empty(), now);
        return events.publish(tenantId, comment.id(), TicketTransitions.commented(context, comment));
    }

    public String createStatus(String tenantId, NewCategory request) {
        return persisted(new TicketStatus(tenantId, Require.text(request.name(), "name"), request.closed())).getId();
    }

    public String createPriority(String tenantId, NewCategory request) {
        return persisted(new TicketPriority(tenantId, Require.text(request.name(), "name"))).getId();
    }

    public String createBoard(String tenantId, NewCategory request) {
        return persisted(new TicketBoard(tenantId, Require.text(request.name(), "name"), request.escalation())).getId();
    }

    public String createContact(String tenantId, NewContact request) {
        String company = request.companyId() == null ? null : reference(Company.class, request.companyId(), tenantId, "companyId").getId();
        Contact contact = new Contact(tenantId, Require.text(request.name(), "name"), request.email(), company);
        em.persist(contact);
        return contact.getId();
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

    public long count(String tenantId) {
        return em.createQuery("select count(t) from Ticket t where t.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
    }

    private ChangeResult moveStatus(String tenantId, String ticketId, StatusMove move, boolean closing) {
        inTenant(Ticket.class, ticketId, tenantId);
        TicketStatus status = reference(TicketStatus.class, Require.text(move.statusId(), "statusId"), tenantId, "statusId");
        if (status.isClosed() != closing) {
            throw new RefusedChangeException("status " + status.getId() + " is " + (status.isClosed() ? "closed" : "open")
                    + ": " + (closing ? "closing" : "reopening") + " needs an " + (closing ? "closed" : "open") + " one");
        }
        return change(tenantId, ticketId, move.actorUserId(), before -> {
            if (before.closed() == closing) {
                throw new RefusedChangeException("ticket " + ticketId + " is " + (closing ? "closed already" : "not closed"));
            }
            return before.withStatus(status.getId(), status.isClosed());
        });
    }

    /** The one way a ticket changes: its state before, the next one, the rows, and the events the difference means. */
    private ChangeResult change(String tenantId, String ticketId, String actorUserId, UnaryOperator<TicketState> next) {
        Ticket ticket = inTenant(Ticket.class, ticketId, tenantId);
        Context context = context(ticket, actorUserId, Moments.now());
        TicketState before = state(ticket);
        TicketState after = next.apply(before);
        apply(ticket, before, after);
        return events.publish(tenantId, ticketId, TicketTransitions.changed(context, before, after));
    }

    private TicketState classified(String tenantId, TicketState state, String statusId, String priorityId, String boardId) {
        TicketState next = state;
        if (statusId != null) {
            next = next.withStatus(statusId, reference(TicketStatus.class, statusId, tenantId, "statusId").isClosed());
        }
        if (priorityId != null) {
            next = next.withPriority(reference(TicketPriority.class, priorityId, tenantId, "priorityId").getId());
        }
        if (boardId != null) {
            next = next.withBoard(boardId, reference(TicketBoard.class, boardId, tenantId, "boardId").isEscalation());
        }
        return next;
    }

    private TicketState state(Ticket ticket) {
        TicketDetails details = em.find(TicketDetails.class, ticket.getId());
        TicketAssignment assignment = em.find(TicketAssignment.class, ticket.getId());
        String statusId = details == null ? null : details.getStatusId();
        String boardId = details == null ? null : details.getBoardId();
        return new TicketState(ticket.getTitle(), details == null ? null : details.getDescription(), statusId,
                statusId != null && em.find(TicketStatus.class, statusId).isClosed(),
                details == null ? null : details.getPriorityId(), boardId,
                boardId != null && em.find(TicketBoard.class, boardId).isEscalation(),
                assignment == null ? null : assignment.getAssignedTo(),
                em.createQuery("select r.userId from TicketAdditionalResource r where r.ticketId = :ticket", String.class)
                        .setParameter("ticket", ticket.getId()).getResultList());
    }

    private void apply(Ticket ticket, TicketState before, TicketState after) {
        ticket.rename(after.title());
        TicketDetails details = em.find(TicketDetails.class, ticket.getId());
        if (details == null) {
            details = persisted(new TicketDetails(ticket));
        }
        details.apply(after);
        if (after.assignedToUserId() != null || em.find(TicketAssignment.class, ticket.getId()) != null) {
            assignment(ticket).setAssignedTo(after.assignedToUserId());
        }
        after.additionalResources().stream().filter(user -> !before.additionalResources().contains(user))
                .forEach(user -> em.persist(new TicketAdditionalResource(ticket.getTenantId(), ticket.getId(), user)));
    }

    private TicketAssignment assignment(Ticket ticket) {
        TicketAssignment assignment = em.find(TicketAssignment.class, ticket.getId());
        return assignment == null ? persisted(new TicketAssignment(ticket)) : assignment;
    }

    private <T> T persisted(T entity) {
        em.persist(entity);
        return entity;
    }

    /** An entity a request names in its body: one that is not the tenant's is a refused request. */
    private <T extends TenantOwned> T reference(Class<T> type, String id, String tenantId, String field) {
        return References.inTenant(em, type, TenantOwned::getTenantId, id, tenantId, field);
    }

    /** The entity of that id in the tenant; another tenant's is as absent as a missing one. */
    private <T extends TenantOwned> T inTenant(Class<T> type, String id, String tenantId) {
        T found = id == null ? null : em.find(type, id);
        if (found == null || !tenantId.equals(found.getTenantId())) {
            throw new UnknownTicketEntityException(type.getSimpleName().toLowerCase(Locale.ROOT) + " " + id
                    + " does not exist in tenant " + tenantId);
        }
        return found;
    }

    private static Context context(Ticket ticket, String actorUserId, Instant at) {
        return Context.byUser(ticket.getTenantId(), ticket.getId(), Optional.ofNullable(Require.optionalUuid(actorUserId, "actorUserId")), at);
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
