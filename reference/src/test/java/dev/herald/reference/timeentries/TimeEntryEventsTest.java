package dev.herald.reference.timeentries;

import static dev.herald.reference.changes.Publishable.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.reference.changes.Publishable;
import dev.herald.publish.DomainEvent;
import dev.herald.reference.timeentries.TimeEntry.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeEntryEventsTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String MANAGER = "6b0f4a52-2222-4000-8000-000000000004";
    private static final String TICKET = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.000Z");

    private static TimeEntry entry(String workItemType) {
        return new TimeEntry(TENANT, USER, null, TICKET, workItemType, 90, true, 10_000);
    }

    @Test
    void timeLoggedOnATicketIsATicketEvent() {
        List<DomainEvent> events = published(TimeEntryEvents.logged(entry("ticket"), Optional.of(USER), AT));
        assertEquals(List.of("TICKET_TIME_ENTRY_ADDED"), Publishable.types(events));
        assertEquals(90, events.get(0).payload().getInt("minutes"));
        assertEquals(Optional.of(TENANT + ":ticket:" + TICKET), events.get(0).aggregateKey(), "in order with the ticket's own events");
        assertEquals(List.of(), TimeEntryEvents.logged(entry("project_task"), Optional.of(USER), AT));
    }

    @Test
    void submissionAndApprovalKeepTheLegacyBusShape() {
        TimeEntry entry = entry("ticket");
        DomainEvent submitted = published(TimeEntryEvents.transition(entry, Status.DRAFT, Status.SUBMITTED, USER, AT));
        DomainEvent approved = published(TimeEntryEvents.transition(entry, Status.SUBMITTED, Status.APPROVED, MANAGER, AT));
        assertEquals(List.of("TIME_ENTRY_SUBMITTED", "TIME_ENTRY_APPROVED"), Publishable.types(List.of(submitted, approved)));
        assertEquals(USER, submitted.payload().getString("requestedBy"));
        assertEquals(MANAGER, approved.payload().getString("approvedBy"));
        assertEquals("approved", approved.payload().getJsonObject("changes").getJsonObject("status").getString("new"));
        assertTrue(!approved.payload().containsKey("occurredAt"), "the legacy shape has its own timestamp field");
    }

    @Test
    void anHourAndAHalfAtAHundredBillsOneFifty() {
        assertEquals(15_000, entry("ticket").amountCents());
    }
}
