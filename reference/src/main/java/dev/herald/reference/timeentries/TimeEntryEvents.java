package dev.herald.reference.timeentries;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.kernel.WireJson;
import dev.herald.reference.timeentries.TimeEntry.Status;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a time entry's transitions mean on the bus. Submission and approval keep the legacy bus shape existing
 * consumers read ({@code changes}, {@code timestamp}); time logged on a ticket is also a ticket event. Pure.
 */
public final class TimeEntryEvents {

    public static final String TICKET = "ticket";

    private TimeEntryEvents() {
    }

    public static List<DomainEvent> logged(TimeEntry entry, Optional<String> actorUserId, Instant at) {
        List<DomainEvent> events = new ArrayList<>();
        if (TICKET.equals(entry.getWorkItemType())) {
            JsonObjectBuilder payload = WireJson.builders().createObjectBuilder().add("tenantId", entry.getTenantId())
                    .add("occurredAt", WireTime.text(at)).add("ticketId", entry.getWorkItemId())
                    .add("timeEntryId", entry.getId()).add("minutes", entry.getMinutes()).add("billable", entry.isBillable())
                    .add("createdAt", WireTime.text(at));
            actorUserId.ifPresentOrElse(user -> payload.add("actorUserId", user).add("actorType", "USER"),
                    () -> payload.add("actorType", "SYSTEM"));
            events.add(DomainEvent.of("TICKET_TIME_ENTRY_ADDED", payload.build())
                    .forAggregate(entry.getTenantId(), "ticket:" + entry.getWorkItemId()));
        }
        return events;
    }

    /** @param actorUserId who submits (requestedBy) or approves (approvedBy) */
    public static DomainEvent transition(TimeEntry entry, Status from, Status to, String actorUserId, Instant at) {
        String type = switch (to) {
            case SUBMITTED -> "TIME_ENTRY_SUBMITTED";
            case APPROVED -> "TIME_ENTRY_APPROVED";
            case DRAFT -> throw new IllegalArgumentException("no event for a time entry back to draft");
        };
        JsonObjectBuilder payload = WireJson.builders().createObjectBuilder().add("tenantId", entry.getTenantId())
                .add("timeEntryId", entry.getId()).add("userId", entry.getUserId()).add("workItemId", entry.getWorkItemId())
                .add("workItemType", entry.getWorkItemType()).add(to == Status.APPROVED ? "approvedBy" : "requestedBy", actorUserId)
                .add("changes", WireJson.builders().createObjectBuilder().add("status", WireJson.builders().createObjectBuilder()
                        .add("previous", from.name().toLowerCase()).add("new", to.name().toLowerCase())))
                .add("timestamp", WireTime.text(at));
        return DomainEvent.of(type, payload.build()).forAggregate(entry.getTenantId(), "time-entry:" + entry.getId());
    }
}
