package dev.herald.reference.timeentries;

import dev.herald.events.HeraldEvent;
import dev.herald.events.Outgoing;
import dev.herald.events.types.TicketTimeEntryAdded;
import dev.herald.events.types.TimeEntryApproved;
import dev.herald.events.types.TimeEntrySubmitted;
import dev.herald.reference.changes.Require;
import dev.herald.reference.timeentries.TimeEntry.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a time entry's transitions mean on the bus. Submission and approval keep the legacy bus shape existing
 * consumers read ({@code changes}, {@code timestamp}); time logged on a ticket is also a ticket event. Pure.
 */
public final class TimeEntryEvents {

    public static final String TICKET = "ticket";

    private TimeEntryEvents() {
    }

    public static List<Outgoing> logged(TimeEntry entry, Optional<String> actorUserId, Instant at) {
        List<Outgoing> events = new ArrayList<>();
        if (TICKET.equals(entry.getWorkItemType())) {
            UUID actor = Require.id(actorUserId.orElse(null));
            TicketTimeEntryAdded added = TicketTimeEntryAdded.builder().tenantId(Require.id(entry.getTenantId()))
                    .occurredAt(at).ticketId(Require.id(entry.getWorkItemId())).timeEntryId(Require.id(entry.getId()))
                    .minutes((long) entry.getMinutes()).billable(entry.isBillable()).createdAt(at)
                    .actorUserId(actor).actorType(actor == null ? "SYSTEM" : "USER").build();
            // In order with the ticket's own events.
            events.add(Outgoing.of(added).forAggregate("ticket:" + entry.getWorkItemId()));
        }
        return events;
    }

    /** @param actorUserId who submits (requestedBy) or approves (approvedBy) */
    public static Outgoing transition(TimeEntry entry, Status from, Status to, String actorUserId, Instant at) {
        UUID tenantId = Require.id(entry.getTenantId());
        UUID timeEntryId = Require.id(entry.getId());
        UUID userId = Require.id(entry.getUserId());
        UUID actor = Require.id(actorUserId);
        JsonObject changes = Json.createObjectBuilder().add("status", Json.createObjectBuilder()
                .add("previous", from.name().toLowerCase()).add("new", to.name().toLowerCase())).build();
        HeraldEvent event = switch (to) {
            case SUBMITTED -> TimeEntrySubmitted.builder().tenantId(tenantId).timeEntryId(timeEntryId).userId(userId)
                    .workItemId(entry.getWorkItemId()).workItemType(entry.getWorkItemType()).requestedBy(actor)
                    .changes(changes).timestamp(at).build();
            case APPROVED -> TimeEntryApproved.builder().tenantId(tenantId).timeEntryId(timeEntryId).userId(userId)
                    .workItemId(entry.getWorkItemId()).workItemType(entry.getWorkItemType()).approvedBy(actor)
                    .changes(changes).timestamp(at).build();
            case DRAFT -> throw new IllegalArgumentException("no event for a time entry back to draft");
        };
        return Outgoing.of(event).forAggregate("time-entry:" + entry.getId());
    }
}
