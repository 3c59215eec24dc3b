package dev.herald.reference.timeentries;

import static dev.herald.reference.changes.Publishable.operation;
import static dev.herald.reference.changes.Publishable.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.reference.changes.Publishable;
import dev.herald.contract.ConsumerContract;
import dev.herald.publish.DomainEvent;
import dev.herald.reference.timeentries.TimeEntry.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event the time entry service emits, built the way the service builds it, as the existing consumers read it. */
class TimeEntryEventsMeetTheConsumerContractTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String MANAGER = "6b0f4a52-2222-4000-8000-000000000004";
    private static final String CLIENT = "6b0f4a52-2222-4000-8000-000000000007";
    private static final String TICKET = "3f1c2a9e-0000-4000-8000-000000000440";
    private static final String TASK = "3f1c2a9e-0000-4000-8000-000000000400";
    private static final Instant AT = Instant.parse("2026-11-23T07:41:51.792Z");

    private static TimeEntry entry(String workItemType, String workItemId, boolean billable) {
        return new TimeEntry(TENANT, USER, CLIENT, workItemId, workItemType, 90, billable, 10_000);
    }

    /** Each operation of {@link TimeEntryService}, with the events it hands to the publisher. */
    static Stream<Named<Supplier<List<DomainEvent>>>> operations() {
        return Stream.of(
                operation("log time on a ticket", () -> published(TimeEntryEvents.logged(entry("ticket", TICKET, true), Optional.of(USER), AT))),
                operation("log unbillable time on a ticket without an actor", () ->
                        published(TimeEntryEvents.logged(new TimeEntry(TENANT, USER, null, TICKET, "ticket", 1, false, 0), Optional.empty(), AT))),
                operation("submit", () -> published(List.of(TimeEntryEvents.transition(entry("ticket", TICKET, true), Status.DRAFT, Status.SUBMITTED, USER, AT)))),
                operation("approve time on a task", () -> published(List.of(TimeEntryEvents.transition(entry("project_task", TASK, true),
                        Status.SUBMITTED, Status.APPROVED, MANAGER, AT)))));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyEventOfEveryTimeEntryOperationIsAcceptedByTheConsumersAndByHeraldsSchema(Supplier<List<DomainEvent>> operation) {
        Publishable.acceptedByTheConsumersAndHerald(operation.get());
    }

    @Test
    void theOperationsAboveCoverEveryTimeEntryEventType() {
        Set<String> emitted = new TreeSet<>();
        operations().forEach(operation -> operation.getPayload().get().forEach(event -> emitted.add(event.eventType())));
        assertEquals(new TreeSet<>(Set.of("TICKET_TIME_ENTRY_ADDED", "TIME_ENTRY_SUBMITTED", "TIME_ENTRY_APPROVED")), emitted);
    }
}
