package dev.herald.reference.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.reference.changes.Publishable;
import dev.herald.publish.DomainEvent;
import dev.herald.reference.tickets.TicketTransitions.Comment;
import dev.herald.reference.tickets.TicketTransitions.Context;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketTransitionsTest {

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
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");
    private final Context byUser = Context.byUser(TENANT, TICKET, Optional.of(USER), AT);
    private final Context bySystem = Context.byUser(TENANT, TICKET, Optional.empty(), AT);
    private final TicketState open = TicketState.titled("Printer on fire").withStatus(OPEN, false).withPriority(LOW).withBoard(DESK, false);

    /** The event types, once every payload passed the shipped schemas as the publisher checks them. */
    private static List<String> types(List<DomainEvent> events) {
        return Publishable.types(events);
    }

    @Test
    void aNewTicketIsCreatedByItsActorKeyedByTheTicket() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.created(byUser, open));
        assertEquals(List.of("TICKET_CREATED"), types(events), "and every payload is valid against its schema");
        JsonObject payload = events.get(0).payload();
        assertEquals(USER, payload.getString("createdByUserId"));
        assertEquals("USER", payload.getString("actorType"));
        assertEquals("2026-12-01T10:00:00.123Z", payload.getString("occurredAt"));
        assertEquals(Optional.of(TENANT + ":ticket:" + TICKET), events.get(0).aggregateKey(), "in order with its time entries' events");
    }

    @Test
    void aTicketOpenedWithAnAssigneeIsAlsoAssigned() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.created(bySystem, open.withAssignee(USER)));
        assertEquals(List.of("TICKET_CREATED", "TICKET_ASSIGNED"), types(events));
        assertEquals("SYSTEM", events.get(0).payload().getString("actorType"));
        assertEquals(USER, events.get(1).payload().getString("assignedToUserId"));
        assertFalse(events.get(1).payload().containsKey("previousAssigneeId"));
    }

    @Test
    void aNoOpUpdateMeansNoEvent() {
        assertEquals(List.of(), Publishable.published(TicketTransitions.changed(byUser, open, open.withText("Printer on fire", null).withBoard(DESK, false))));
        TicketState assigned = open.withAssignee(USER).withResource(OTHER_USER);
        assertEquals(List.of(), Publishable.published(TicketTransitions.changed(byUser, assigned, assigned.withAssignee(USER).withResource(OTHER_USER))));
    }

    @Test
    void aRetitleIsAnUpdateWithItsPreviousAndNewValue() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(byUser, open, open.withText("Printer smoking", "since noon")));
        assertEquals(List.of("TICKET_UPDATED"), types(events));
        JsonObject payload = events.get(0).payload();
        assertEquals("[\"title\",\"description\"]", payload.getJsonArray("updatedFields").toString());
        assertEquals("Printer on fire", payload.getJsonObject("changes").getJsonObject("title").getString("previous"));
        assertEquals("Printer smoking", payload.getJsonObject("changes").getJsonObject("title").getString("new"));
        assertEquals("null", payload.getJsonObject("changes").getJsonObject("description").get("previous").toString());
        assertEquals(USER, payload.getString("updatedByUserId"));
    }

    @Test
    void aStatusChangeIsAnUpdateAndAStatusTransition() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(byUser, open, open.withStatus(PENDING, false)));
        assertEquals(List.of("TICKET_UPDATED", "TICKET_STATUS_CHANGED"), types(events));
        assertEquals(OPEN, events.get(1).payload().getString("previousStatusId"));
        assertEquals(PENDING, events.get(1).payload().getString("newStatusId"));
        assertEquals("{\"previous\":\"" + OPEN + "\",\"new\":\"" + PENDING + "\"}",
                events.get(0).payload().getJsonObject("changes").getJsonObject("statusId").toString());
    }

    @Test
    void enteringAClosedStatusClosesTheTicket() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(byUser, open, open.withStatus(CLOSED, true)));
        assertEquals(List.of("TICKET_UPDATED", "TICKET_STATUS_CHANGED", "TICKET_CLOSED"), types(events));
        assertEquals(USER, events.get(2).payload().getString("closedByUserId"));
    }

    @Test
    void leavingAClosedStatusForAnOpenOneReopensTheTicket() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(byUser, open.withStatus(CLOSED, true), open.withStatus(OPEN, false)));
        assertEquals(List.of("TICKET_UPDATED", "TICKET_STATUS_CHANGED", "TICKET_REOPENED"), types(events));
        assertEquals(CLOSED, events.get(2).payload().getString("previousStatusId"));
        assertEquals(OPEN, events.get(2).payload().getString("newStatusId"));
    }

    @Test
    void movingBetweenClosedStatusesDoesNotCloseAgain() {
        TicketState closed = open.withStatus(CLOSED, true);
        assertEquals(List.of("TICKET_UPDATED", "TICKET_STATUS_CHANGED"),
                types(Publishable.published(TicketTransitions.changed(byUser, closed, closed.withStatus(PENDING, true)))));
    }

    @Test
    void aFirstStatusIsAnUpdateOnlyBecauseThereIsNoPreviousOne() {
        TicketState bare = TicketState.titled("T");
        assertEquals(List.of("TICKET_UPDATED"), types(Publishable.published(TicketTransitions.changed(byUser, bare, bare.withStatus(OPEN, false)))));
    }

    @Test
    void aPriorityChangeNamesBothPriorities() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(byUser, open, open.withPriority(HIGH)));
        assertEquals(List.of("TICKET_UPDATED", "TICKET_PRIORITY_CHANGED"), types(events));
        assertEquals(LOW, events.get(1).payload().getString("previousPriorityId"));
        assertEquals(HIGH, events.get(1).payload().getString("newPriorityId"));
    }

    @Test
    void movingOntoAnEscalationBoardChangesTheQueueAndEscalates() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(byUser, open, open.withBoard(ESCALATION, true)));
        assertEquals(List.of("TICKET_UPDATED", "TICKET_QUEUE_CHANGED", "TICKET_ESCALATED"), types(events));
        assertEquals(DESK, events.get(1).payload().getString("previousBoardId"));
        assertEquals(ESCALATION, events.get(1).payload().getString("newBoardId"));
        assertEquals(DESK, events.get(2).payload().getString("fromQueueId"));
        assertEquals(ESCALATION, events.get(2).payload().getString("toQueueId"));
    }

    @Test
    void movingToAnOrdinaryBoardOrBetweenEscalationBoardsIsAQueueChangeOnly() {
        String other = "3f1c2a9e-0000-4000-8000-000000000323";
        assertEquals(List.of("TICKET_UPDATED", "TICKET_QUEUE_CHANGED"), types(Publishable.published(TicketTransitions.changed(byUser, open, open.withBoard(other, false)))));
        TicketState escalated = open.withBoard(ESCALATION, true);
        assertEquals(List.of("TICKET_UPDATED", "TICKET_QUEUE_CHANGED"),
                types(Publishable.published(TicketTransitions.changed(byUser, escalated, escalated.withBoard(other, true)))));
    }

    @Test
    void assigningReassigningAndUnassigningNameThePreviousAndNewAssignee() {
        List<DomainEvent> first = Publishable.published(TicketTransitions.changed(byUser, open, open.withAssignee(USER)));
        assertEquals(List.of("TICKET_ASSIGNED"), types(first), "the assignee is no TICKET_UPDATED field: it has its own events");
        assertEquals(USER, first.get(0).payload().getString("assignedByUserId"));
        List<DomainEvent> again = Publishable.published(TicketTransitions.changed(byUser, open.withAssignee(USER), open.withAssignee(OTHER_USER)));
        assertEquals(List.of("TICKET_ASSIGNED"), types(again));
        assertEquals(USER, again.get(0).payload().getString("previousAssigneeId"));
        assertEquals(OTHER_USER, again.get(0).payload().getString("newAssigneeId"));
        List<DomainEvent> gone = Publishable.published(TicketTransitions.changed(byUser, open.withAssignee(OTHER_USER), open));
        assertEquals(List.of("TICKET_UNASSIGNED"), types(gone));
        assertEquals(OTHER_USER, gone.get(0).payload().getString("previousAssigneeId"));
        assertEquals("user", gone.get(0).payload().getString("previousAssigneeType"));
    }

    @Test
    void anAdditionalResourceIsAnUpdateOfTheResourceList() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(bySystem, open.withResource(USER), open.withResource(USER).withResource(OTHER_USER)));
        assertEquals(List.of("TICKET_UPDATED"), types(events));
        JsonObject change = events.get(0).payload().getJsonObject("changes").getJsonObject("additionalResources");
        assertEquals("[\"" + USER + "\"]", change.get("previous").toString());
        assertEquals("[\"" + USER + "\",\"" + OTHER_USER + "\"]", change.get("new").toString());
    }

    @Test
    void severalChangesAtOnceAreOneUpdateThenEachTransitionInOrder() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.changed(byUser, open,
                open.withText("New", null).withStatus(CLOSED, true).withPriority(HIGH).withBoard(ESCALATION, true).withAssignee(USER)));
        assertEquals(List.of("TICKET_UPDATED", "TICKET_STATUS_CHANGED", "TICKET_CLOSED", "TICKET_PRIORITY_CHANGED",
                "TICKET_QUEUE_CHANGED", "TICKET_ESCALATED", "TICKET_ASSIGNED"), types(events));
        assertEquals("[\"title\",\"statusId\",\"priorityId\",\"boardId\"]", events.get(0).payload().getJsonArray("updatedFields").toString());
    }

    @Test
    void aPublicCommentByAUserIsAMessageAndTheLegacyComment() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.commented(byUser, new Comment(COMMENT, "Restarted the spooler", false, USER, "user", "api", "Ada Agent")));
        assertEquals(List.of("TICKET_MESSAGE_ADDED", "TICKET_COMMENT_ADDED"), types(events));
        assertEquals("public", events.get(0).payload().getString("visibility"));
        JsonObject legacy = events.get(1).payload();
        assertEquals(USER, legacy.getString("userId"));
        assertEquals(Json.createObjectBuilder().add("id", COMMENT).add("content", "Restarted the spooler").add("author", "Ada Agent")
                .add("authorType", "internal").add("isInternal", false).build(), legacy.getJsonObject("comment"));
        assertFalse(legacy.containsKey("occurredAt"), "the legacy shape allows no more fields");
    }

    @Test
    void anInternalCommentIsAnInternalNote() {
        List<DomainEvent> events = Publishable.published(TicketTransitions.commented(byUser, new Comment(COMMENT, "Call them back", true, USER, "user", "ui", "Ada Agent")));
        assertEquals(List.of("TICKET_MESSAGE_ADDED", "TICKET_INTERNAL_NOTE_ADDED", "TICKET_COMMENT_ADDED"), types(events));
        assertEquals("internal", events.get(0).payload().getString("visibility"));
        assertEquals(COMMENT, events.get(1).payload().getString("noteId"));
        assertEquals(true, events.get(2).payload().getJsonObject("comment").getBoolean("isInternal"));
    }

    @Test
    void aPublicCommentByAClientContactIsACustomerReply() {
        Context byContact = new Context(TENANT, TICKET, Optional.empty(), Optional.of(CONTACT), AT);
        List<DomainEvent> events = Publishable.published(TicketTransitions.commented(byContact, new Comment(COMMENT, "Still on fire", false, CONTACT, "contact", "portal", "Carl Client")));
        assertEquals(List.of("TICKET_MESSAGE_ADDED", "TICKET_CUSTOMER_REPLIED", "TICKET_COMMENT_ADDED"), types(events));
        assertEquals("CONTACT", events.get(0).payload().getString("actorType"));
        assertEquals(CONTACT, events.get(0).payload().getString("actorContactId"));
        assertEquals(CONTACT, events.get(1).payload().getString("contactId"));
        assertEquals("portal", events.get(1).payload().getString("channel"));
        assertEquals("client", events.get(2).payload().getJsonObject("comment").getString("authorType"));
        assertEquals("Carl Client", events.get(2).payload().getJsonObject("comment").getString("author"));
    }

    @Test
    void aCommentAuthorIsNamedAsTheDirectoryNamesThemOrByIdWhenTheDirectoryHasNoName() {
        User named = new User(TENANT, "Ada Agent", "ada@example.org");
        assertEquals("Ada Agent", Comment.by(COMMENT, "Hi", false, named, Comment.USER, "ui").author());
        Contact unnamed = new Contact(TENANT, " ", null, null);
        Comment byUnnamed = Comment.by(COMMENT, "Hi", false, unnamed, Comment.CONTACT, "email");
        assertEquals(unnamed.getId(), byUnnamed.author());
        assertEquals(unnamed.getId(), byUnnamed.authorId());
    }
}
