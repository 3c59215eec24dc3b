package dev.herald.reference.tickets;

import static dev.herald.reference.changes.Publishable.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.reference.changes.Publishable;
import dev.herald.contract.ConsumerContract;
import dev.herald.publish.DomainEvent;
import dev.herald.reference.tickets.TicketTransitions.Comment;
import dev.herald.reference.tickets.TicketTransitions.Context;
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

/** Every event the ticket service emits, built the way the service builds it, as the existing consumers read it. */
class TicketEventsMeetTheConsumerContractTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String OTHER_USER = "6b0f4a52-2222-4000-8000-000000000004";
    private static final String CONTACT = "6b0f4a52-2222-4000-8000-000000000005";
    private static final String TICKET = "3f1c2a9e-0000-4000-8000-000000000440";
    private static final String OPEN = "3f1c2a9e-0000-4000-8000-000000000301";
    private static final String PENDING = "3f1c2a9e-0000-4000-8000-000000000302";
    private static final String CLOSED = "3f1c2a9e-0000-4000-8000-000000000303";
    private static final String LOW = "3f1c2a9e-0000-4000-8000-000000000311";
    private static final String HIGH = "3f1c2a9e-0000-4000-8000-000000000312";
    private static final String DESK = "3f1c2a9e-0000-4000-8000-000000000321";
    private static final String ESCALATION = "3f1c2a9e-0000-4000-8000-000000000322";
    private static final String COMMENT = "3f1c2a9e-0000-4000-8000-000000000331";
    private static final Instant AT = Instant.parse("2026-11-23T07:41:51.792Z");
    private static final Context BY_USER = Context.byUser(TENANT, TICKET, Optional.of(USER), AT);
    private static final Context BY_SYSTEM = Context.byUser(TENANT, TICKET, Optional.empty(), AT);
    private static final Context BY_CONTACT = new Context(TENANT, TICKET, Optional.empty(), Optional.of(CONTACT), AT);
    private static final TicketState OPENED = TicketState.titled("Printer on fire").withText("Printer on fire", "since noon")
            .withStatus(OPEN, false).withPriority(LOW).withBoard(DESK, false);

    /** Each operation of {@link TicketService}, with the transitions it hands to the publisher. */
    static Stream<Named<Supplier<List<DomainEvent>>>> operations() {
        return Stream.of(
                operation("create by a user", () -> Publishable.published(TicketTransitions.created(BY_USER, OPENED))),
                operation("create by the system, assigned", () -> Publishable.published(TicketTransitions.created(BY_SYSTEM, OPENED.withAssignee(USER)))),
                operation("create bare", () -> Publishable.published(TicketTransitions.created(BY_USER, TicketState.titled("T")))),
                operation("update the text", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED, OPENED.withText("Printer smoking", null)))),
                operation("a first status", () -> Publishable.published(TicketTransitions.changed(BY_SYSTEM, TicketState.titled("T"),
                        TicketState.titled("T").withStatus(OPEN, false)))),
                operation("update the status", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED, OPENED.withStatus(PENDING, false)))),
                operation("close", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED, OPENED.withStatus(CLOSED, true)))),
                operation("close by the system", () -> Publishable.published(TicketTransitions.changed(BY_SYSTEM, OPENED, OPENED.withStatus(CLOSED, true)))),
                operation("reopen", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED.withStatus(CLOSED, true), OPENED.withStatus(OPEN, false)))),
                operation("change the priority", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED, OPENED.withPriority(HIGH)))),
                operation("move onto an escalation board", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED, OPENED.withBoard(ESCALATION, true)))),
                operation("a first board, an escalation one", () -> Publishable.published(TicketTransitions.changed(BY_SYSTEM, TicketState.titled("T"),
                        TicketState.titled("T").withBoard(ESCALATION, true)))),
                operation("assign", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED, OPENED.withAssignee(USER)))),
                operation("reassign", () -> Publishable.published(TicketTransitions.changed(BY_SYSTEM, OPENED.withAssignee(USER), OPENED.withAssignee(OTHER_USER)))),
                operation("unassign", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED.withAssignee(USER), OPENED.withAssignee(null)))),
                operation("add a resource", () -> Publishable.published(TicketTransitions.changed(BY_USER, OPENED, OPENED.withResource(OTHER_USER)))),
                operation("a public comment by a user", () -> Publishable.published(TicketTransitions.commented(BY_USER,
                        new Comment(COMMENT, "On it", false, USER, Comment.USER, "ui", "Ada Agent")))),
                operation("an internal note", () -> Publishable.published(TicketTransitions.commented(BY_USER,
                        new Comment(COMMENT, "Toner again", true, USER, Comment.USER, "api", "Ada Agent")))),
                operation("a customer reply", () -> Publishable.published(TicketTransitions.commented(BY_CONTACT,
                        new Comment(COMMENT, "Still smoking", false, CONTACT, Comment.CONTACT, "email", "Carl Client")))));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyEventOfEveryTicketOperationIsAcceptedByTheConsumersAndByHeraldsSchema(Supplier<List<DomainEvent>> operation) {
        Publishable.acceptedByTheConsumersAndHerald(operation.get());
    }

    @Test
    void commentAddedCarriesTheCommentIdAndAuthorTheConsumersRequire() {
        DomainEvent legacy = Publishable.published(TicketTransitions.commented(BY_CONTACT,
                new Comment(COMMENT, "Still smoking", false, CONTACT, Comment.CONTACT, "portal", "Carl Client"))).get(2);
        assertEquals("TICKET_COMMENT_ADDED", legacy.eventType());
        assertEquals(COMMENT, legacy.payload().getJsonObject("comment").getString("id"));
        assertEquals("Carl Client", legacy.payload().getJsonObject("comment").getString("author"));
        assertEquals("Still smoking", legacy.payload().getJsonObject("comment").getString("content"));
    }

    @Test
    void everyChannelACommentMayComeByIsOneTheConsumersKnow() {
        for (String channel : Comment.CHANNELS) {
            for (DomainEvent event : Publishable.published(TicketTransitions.commented(BY_CONTACT,
                    new Comment(COMMENT, "Still smoking", false, CONTACT, Comment.CONTACT, channel, "Carl Client")))) {
                assertEquals(List.of(), ConsumerContract.payloadViolations(event.eventType(), event.payload().toString()),
                        channel + ": " + event.eventType());
            }
        }
    }

    @Test
    void theOperationsAboveCoverEveryTicketEventType() {
        Set<String> emitted = new TreeSet<>();
        operations().forEach(operation -> operation.getPayload().get().forEach(event -> emitted.add(event.eventType())));
        assertEquals(new TreeSet<>(Set.of("TICKET_CREATED", "TICKET_UPDATED", "TICKET_STATUS_CHANGED", "TICKET_CLOSED",
                "TICKET_REOPENED", "TICKET_PRIORITY_CHANGED", "TICKET_QUEUE_CHANGED", "TICKET_ESCALATED", "TICKET_ASSIGNED",
                "TICKET_UNASSIGNED", "TICKET_MESSAGE_ADDED", "TICKET_INTERNAL_NOTE_ADDED", "TICKET_CUSTOMER_REPLIED",
                "TICKET_COMMENT_ADDED")), emitted);
    }
}
