package dev.herald.reference.timeentries;

import dev.herald.reference.billing.Amounts;
import dev.herald.reference.changes.ChangeResult;
import dev.herald.reference.changes.DomainEvents;
import dev.herald.reference.changes.Moments;
import dev.herald.reference.changes.AggregateNotFoundException;
import dev.herald.reference.changes.References;
import dev.herald.reference.changes.RefusedChangeException;
import dev.herald.reference.changes.Require;
import dev.herald.reference.projects.ProjectTask;
import dev.herald.reference.tickets.Ticket;
import dev.herald.reference.timeentries.TimeEntry.Status;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Logs, submits and approves time; each step publishes what it means in its own transaction. */
@Stateless
public class TimeEntryService {

    public static final Set<String> WORK_ITEM_TYPES = Set.of("ticket", "project_task");

    /** {@code actorUserId}: who logs the time (also the entry's user when {@code userId} is absent). */
    public record NewTimeEntry(String userId, String clientId, String workItemId, String workItemType, Integer minutes,
                               Boolean billable, Long rateCents, String actorUserId) {
    }

    @PersistenceContext(unitName = "herald-reference")
    EntityManager em;

    @Inject
    DomainEvents events;

    public ChangeResult log(String tenantId, NewTimeEntry request) {
        // TICKET_TIME_ENTRY_ADDED's consumers drop the event when its actorUserId is no UUID: refused before a row is written.
        String actor = Require.optionalUuid(request.actorUserId(), "actorUserId");
        String user = Require.uuid(request.userId() == null ? actor : request.userId(), "userId");
        if (request.workItemType() == null || !WORK_ITEM_TYPES.contains(request.workItemType())) {
            throw new RefusedChangeException("workItemType must be one of " + WORK_ITEM_TYPES + ", was " + request.workItemType());
        }
        if (request.minutes() == null || request.minutes() < 1) {
            throw new RefusedChangeException("minutes must be at least 1, was " + request.minutes());
        }
        long rateCents = request.rateCents() == null ? 0 : request.rateCents();
        if (rateCents < 0) {
            throw new RefusedChangeException("rateCents must be at least 0, was " + rateCents);
        }
        try {
            Amounts.billed(request.minutes(), rateCents);
        } catch (ArithmeticException e) {
            throw new RefusedChangeException("minutes " + request.minutes() + " at rateCents " + rateCents
                    + " bill more than the largest amount, " + Long.MAX_VALUE + " cents", e);
        }
        TimeEntry entry = new TimeEntry(tenantId, user, Require.optionalUuid(request.clientId(), "clientId"),
                workItem(tenantId, request.workItemType(), Require.uuid(request.workItemId(), "workItemId")),
                request.workItemType(), request.minutes(), request.billable() == null || request.billable(), rateCents);
        em.persist(entry);
        return events.publish(tenantId, entry.getId(), TimeEntryEvents.logged(entry, Optional.ofNullable(actor), Moments.now()));
    }

    /** The ticket or project task the time is logged on, which must be the tenant's own. */
    private String workItem(String tenantId, String workItemType, String workItemId) {
        return "ticket".equals(workItemType)
                ? References.inTenant(em, Ticket.class, Ticket::getTenantId, workItemId, tenantId, "workItemId").getId()
                : References.inTenant(em, ProjectTask.class, ProjectTask::getTenantId, workItemId, tenantId, "workItemId").getId();
    }

    public ChangeResult submit(String tenantId, String timeEntryId, String actorUserId) {
        return move(tenantId, timeEntryId, Status.DRAFT, Status.SUBMITTED, actorUserId);
    }

    public ChangeResult approve(String tenantId, String timeEntryId, String actorUserId) {
        return move(tenantId, timeEntryId, Status.SUBMITTED, Status.APPROVED, actorUserId);
    }

    private ChangeResult move(String tenantId, String timeEntryId, Status from, Status to, String actorUserId) {
        TimeEntry entry = timeEntryId == null ? null : em.find(TimeEntry.class, timeEntryId);
        if (entry == null || !entry.getTenantId().equals(tenantId)) {
            throw new AggregateNotFoundException("no time entry " + timeEntryId + " in tenant " + tenantId);
        }
        if (entry.getStatus() != from) {
            throw new RefusedChangeException("time entry " + timeEntryId + " is " + entry.getStatus() + "; only a " + from
                    + " entry can become " + to);
        }
        String actor = Require.uuid(actorUserId, "actorUserId");
        entry.moveTo(to);
        return events.publish(tenantId, timeEntryId, List.of(TimeEntryEvents.transition(entry, from, to, actor, Moments.now())));
    }
}
