package dev.herald.reference.tickets;

import static dev.herald.reference.changes.Require.id;

import dev.herald.events.HeraldEvent;
import dev.herald.events.Outgoing;
import dev.herald.events.types.TicketAssigned;
import dev.herald.events.types.TicketClosed;
import dev.herald.events.types.TicketCommentAdded;
import dev.herald.events.types.TicketCreated;
import dev.herald.events.types.TicketCustomerReplied;
import dev.herald.events.types.TicketEscalated;
import dev.herald.events.types.TicketInternalNoteAdded;
import dev.herald.events.types.TicketMessageAdded;
import dev.herald.events.types.TicketPriorityChanged;
import dev.herald.events.types.TicketQueueChanged;
import dev.herald.events.types.TicketReopened;
import dev.herald.events.types.TicketStatusChanged;
import dev.herald.events.types.TicketUnassigned;
import dev.herald.events.types.TicketUpdated;
import dev.herald.reference.changes.FieldChanges;
import dev.herald.reference.changes.Moments;
import dev.herald.reference.changes.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one transition detector of tickets: from a state before and after a business operation it derives the events,
 * the generic TICKET_UPDATED first, the specific transitions after it, in the order status, priority, board,
 * assignee. Pure: no container, no clock of its own. All events of a ticket (its time entries' too) carry the ticket
 * as aggregate, so they keep their order on the streams.
 *
 * <p>Escalation rule: a ticket is escalated (TICKET_ESCALATED) when it moves onto an escalation board from a board
 * that is not one (or from none). Moving between two escalation boards is a queue change only.
 */
public final class TicketTransitions {

    /** Who changed what, and when: a user, a client contact, or neither (a system change). */
    public record Context(String tenantId, String ticketId, Optional<String> actorUserId, Optional<String> actorContactId,
                          Instant at) {

        public static Context byUser(String tenantId, String ticketId, Optional<String> actorUserId, Instant at) {
            return new Context(tenantId, ticketId, actorUserId, Optional.empty(), at);
        }

        UUID tenant() {
            return id(tenantId);
        }

        UUID ticket() {
            return id(ticketId);
        }

        UUID user() {
            return actorUserId.map(Require::id).orElse(null);
        }

        /** Who acted, as every ticket event's {@code actorType} says: a user, a client contact, or the system. */
        UUID contact() {
            return actorUserId.isPresent() ? null : actorContactId.map(Require::id).orElse(null);
        }

        String actorType() {
            return actorUserId.isPresent() ? "USER" : actorContactId.isPresent() ? "CONTACT" : "SYSTEM";
        }
    }

    /**
     * A comment as its events describe it.
     *
     * @param authorType {@code user} or {@code contact}
     * @param author     who wrote it as a reader would name them: the user's or contact's directory name, or the
     *                   author's id when the directory has no usable name (TICKET_COMMENT_ADDED's consumers require one)
     */
    public record Comment(String id, String body, boolean internal, String authorId, String authorType, String channel,
                          String author) {

        public static final String USER = "user";
        public static final String CONTACT = "contact";
        public static final List<String> CHANNELS = List.of("email", "portal", "ui", "api");

        /** A comment by a directory entry (a user or a contact), named as the directory names it. */
        public static Comment by(String id, String body, boolean internal, DirectoryEntry author, String authorType, String channel) {
            String name = author.getName() == null || author.getName().isBlank() ? author.getId() : author.getName();
            return new Comment(id, body, internal, author.getId(), authorType, channel, name);
        }

        boolean byContact() {
            return CONTACT.equals(authorType);
        }
    }

    private TicketTransitions() {
    }

    /** A ticket opened: TICKET_CREATED, and TICKET_ASSIGNED when it is opened with an assignee. */
    public static List<Outgoing> created(Context c, TicketState after) {
        List<Outgoing> events = new ArrayList<>();
        events.add(event(c, TicketCreated.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                .createdAt(Moments.text(c.at())).createdByUserId(c.user()).build()));
        if (after.assignedToUserId() != null) {
            events.add(assigned(c, null, after.assignedToUserId()));
        }
        return events;
    }

    /** A ticket changed; nothing that the events describe changed means no event. */
    public static List<Outgoing> changed(Context c, TicketState before, TicketState after) {
        List<Outgoing> events = new ArrayList<>();
        FieldChanges changes = FieldChanges.between(before.fields(), after.fields());
        if (!changes.isEmpty()) {
            events.add(event(c, TicketUpdated.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .updatedFields(changes.fields()).changes(changes.changesJson()).updatedByUserId(c.user()).build()));
        }
        if (changes.has("statusId")) {
            statusEvents(c, before, after, events);
        }
        if (changes.has("priorityId") && before.priorityId() != null && after.priorityId() != null) {
            events.add(event(c, TicketPriorityChanged.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .previousPriorityId(before.priorityId()).newPriorityId(after.priorityId()).changedAt(c.at()).build()));
        }
        if (changes.has("boardId")) {
            boardEvents(c, before, after, events);
        }
        if (!Objects.equals(before.assignedToUserId(), after.assignedToUserId())) {
            events.add(after.assignedToUserId() != null ? assigned(c, before.assignedToUserId(), after.assignedToUserId())
                    : unassigned(c, before.assignedToUserId()));
        }
        return events;
    }

    /**
     * A comment added: TICKET_MESSAGE_ADDED for every comment (its visibility says which kind), then
     * TICKET_INTERNAL_NOTE_ADDED for an internal one or TICKET_CUSTOMER_REPLIED for a client contact's, then the legacy
     * TICKET_COMMENT_ADDED existing consumers read (its {@code userId} is the author, a contact's id for a client; its
     * {@code comment.id} is what those consumers key on).
     */
    public static List<Outgoing> commented(Context c, Comment comment) {
        List<Outgoing> events = new ArrayList<>();
        events.add(event(c, TicketMessageAdded.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                .messageId(id(comment.id())).visibility(comment.internal() ? "internal" : "public")
                .authorId(id(comment.authorId())).authorType(comment.authorType()).channel(comment.channel())
                .createdAt(c.at()).build()));
        if (comment.internal()) {
            events.add(event(c, TicketInternalNoteAdded.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .noteId(id(comment.id())).createdAt(c.at()).build()));
        } else if (comment.byContact()) {
            events.add(event(c, TicketCustomerReplied.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .messageId(id(comment.id())).contactId(id(comment.authorId())).channel(comment.channel())
                    .receivedAt(c.at()).build()));
        }
        events.add(event(c, TicketCommentAdded.builder().tenantId(c.tenant()).ticketId(c.ticket()).userId(id(comment.authorId()))
                .comment(TicketCommentAdded.Comment.builder().id(id(comment.id())).content(comment.body())
                        .author(comment.author()).authorType(comment.byContact() ? "client" : "internal")
                        .isInternal(comment.internal()).build())
                .build()));
        return events;
    }

    private static void statusEvents(Context c, TicketState before, TicketState after, List<Outgoing> events) {
        if (before.statusId() != null && after.statusId() != null) {
            events.add(event(c, TicketStatusChanged.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .previousStatusId(before.statusId()).newStatusId(after.statusId()).changedAt(c.at()).build()));
        }
        if (!before.closed() && after.closed()) {
            events.add(event(c, TicketClosed.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .closedAt(Moments.text(c.at())).closedByUserId(c.user()).build()));
        } else if (before.closed() && !after.closed() && after.statusId() != null) {
            events.add(event(c, TicketReopened.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .previousStatusId(before.statusId()).newStatusId(after.statusId()).reopenedAt(c.at()).build()));
        }
    }

    private static void boardEvents(Context c, TicketState before, TicketState after, List<Outgoing> events) {
        events.add(event(c, TicketQueueChanged.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                .previousBoardId(id(before.boardId())).newBoardId(id(after.boardId())).changedAt(c.at()).build()));
        if (after.boardId() != null && after.escalationBoard() && !before.escalationBoard()) {
            events.add(event(c, TicketEscalated.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                    .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                    .toQueueId(id(after.boardId())).fromQueueId(id(before.boardId())).escalatedAt(c.at())
                    .reason("moved onto an escalation board").build()));
        }
    }

    /** TICKET_ASSIGNED keeps {@code assignedToUserId}, which the notification subscriber reads, beside the domain fields. */
    private static Outgoing assigned(Context c, String previous, String assignee) {
        return event(c, TicketAssigned.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                .assignedToUserId(id(assignee)).newAssigneeId(id(assignee)).newAssigneeType("user")
                .assignedAt(Moments.text(c.at())).previousAssigneeId(id(previous))
                .previousAssigneeType(previous == null ? null : "user").assignedByUserId(c.user()).build());
    }

    private static Outgoing unassigned(Context c, String previous) {
        return event(c, TicketUnassigned.builder().tenantId(c.tenant()).occurredAt(c.at()).ticketId(c.ticket())
                .actorUserId(c.user()).actorContactId(c.contact()).actorType(c.actorType())
                .previousAssigneeId(id(previous)).previousAssigneeType("user").unassignedAt(c.at()).build());
    }

    /** All events of a ticket (its time entries' too) keep their order on the streams. */
    private static Outgoing event(Context c, HeraldEvent event) {
        return Outgoing.of(event).forAggregate("ticket:" + c.ticketId());
    }
}
