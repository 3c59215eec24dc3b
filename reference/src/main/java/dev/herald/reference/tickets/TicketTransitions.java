package dev.herald.reference.tickets;

import dev.herald.reference.changes.FieldChanges;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.WireJson;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    public static List<DomainEvent> created(Context context, TicketState after) {
        List<DomainEvent> events = new ArrayList<>();
        JsonObjectBuilder created = base(context).add("createdAt", time(context));
        context.actorUserId().ifPresent(user -> created.add("createdByUserId", user));
        events.add(event(context, "TICKET_CREATED", created));
        if (after.assignedToUserId() != null) {
            events.add(assigned(context, null, after.assignedToUserId()));
        }
        return events;
    }

    /** A ticket changed; nothing that the events describe changed means no event. */
    public static List<DomainEvent> changed(Context context, TicketState before, TicketState after) {
        List<DomainEvent> events = new ArrayList<>();
        FieldChanges changes = FieldChanges.between(before.fields(), after.fields());
        if (!changes.isEmpty()) {
            JsonObjectBuilder updated = base(context).add("updatedFields", changes.fieldsJson()).add("changes", changes.changesJson());
            context.actorUserId().ifPresent(user -> updated.add("updatedByUserId", user));
            events.add(event(context, "TICKET_UPDATED", updated));
        }
        if (changes.has("statusId")) {
            statusEvents(context, before, after, events);
        }
        if (changes.has("priorityId") && before.priorityId() != null && after.priorityId() != null) {
            events.add(event(context, "TICKET_PRIORITY_CHANGED", base(context).add("previousPriorityId", before.priorityId())
                    .add("newPriorityId", after.priorityId()).add("changedAt", time(context))));
        }
        if (changes.has("boardId")) {
            boardEvents(context, before, after, events);
        }
        if (!Objects.equals(before.assignedToUserId(), after.assignedToUserId())) {
            events.add(after.assignedToUserId() != null ? assigned(context, before.assignedToUserId(), after.assignedToUserId())
                    : unassigned(context, before.assignedToUserId()));
        }
        return events;
    }

    /**
     * A comment added: TICKET_MESSAGE_ADDED for every comment (its visibility says which kind), then
     * TICKET_INTERNAL_NOTE_ADDED for an internal one or TICKET_CUSTOMER_REPLIED for a client contact's, then the legacy
     * TICKET_COMMENT_ADDED existing consumers read (its {@code userId} is the author, a contact's id for a client; its
     * {@code comment.id} is what those consumers key on, {@code comment.commentId} the same id as Herald's schema names it).
     */
    public static List<DomainEvent> commented(Context context, Comment comment) {
        List<DomainEvent> events = new ArrayList<>();
        events.add(event(context, "TICKET_MESSAGE_ADDED", base(context).add("messageId", comment.id())
                .add("visibility", comment.internal() ? "internal" : "public").add("authorId", comment.authorId())
                .add("authorType", comment.authorType()).add("channel", comment.channel()).add("createdAt", time(context))));
        if (comment.internal()) {
            events.add(event(context, "TICKET_INTERNAL_NOTE_ADDED", base(context).add("noteId", comment.id())
                    .add("createdAt", time(context))));
        } else if (comment.byContact()) {
            events.add(event(context, "TICKET_CUSTOMER_REPLIED", base(context).add("messageId", comment.id())
                    .add("contactId", comment.authorId()).add("channel", comment.channel()).add("receivedAt", time(context))));
        }
        events.add(event(context, "TICKET_COMMENT_ADDED", WireJson.builders().createObjectBuilder()
                .add("tenantId", context.tenantId()).add("ticketId", context.ticketId()).add("userId", comment.authorId())
                .add("comment", WireJson.builders().createObjectBuilder().add("id", comment.id()).add("commentId", comment.id())
                        .add("content", comment.body()).add("author", comment.author()).add("authorType", comment.byContact() ? "client" : "internal")
                        .add("isInternal", comment.internal()))));
        return events;
    }

    private static void statusEvents(Context context, TicketState before, TicketState after, List<DomainEvent> events) {
        if (before.statusId() != null && after.statusId() != null) {
            events.add(event(context, "TICKET_STATUS_CHANGED", base(context).add("previousStatusId", before.statusId())
                    .add("newStatusId", after.statusId()).add("changedAt", time(context))));
        }
        if (!before.closed() && after.closed()) {
            JsonObjectBuilder closed = base(context).add("closedAt", time(context));
            context.actorUserId().ifPresent(user -> closed.add("closedByUserId", user));
            events.add(event(context, "TICKET_CLOSED", closed));
        } else if (before.closed() && !after.closed() && after.statusId() != null) {
            events.add(event(context, "TICKET_REOPENED", base(context).add("previousStatusId", before.statusId())
                    .add("newStatusId", after.statusId()).add("reopenedAt", time(context))));
        }
    }

    private static void boardEvents(Context context, TicketState before, TicketState after, List<DomainEvent> events) {
        JsonObjectBuilder moved = base(context).add("changedAt", time(context));
        optional(moved, "previousBoardId", before.boardId());
        optional(moved, "newBoardId", after.boardId());
        events.add(event(context, "TICKET_QUEUE_CHANGED", moved));
        if (after.boardId() != null && after.escalationBoard() && !before.escalationBoard()) {
            JsonObjectBuilder escalated = base(context).add("toQueueId", after.boardId()).add("escalatedAt", time(context))
                    .add("reason", "moved onto an escalation board");
            optional(escalated, "fromQueueId", before.boardId());
            events.add(event(context, "TICKET_ESCALATED", escalated));
        }
    }

    /** TICKET_ASSIGNED keeps {@code assignedToUserId}, which the notification subscriber reads, beside the domain fields. */
    private static DomainEvent assigned(Context context, String previous, String assignee) {
        JsonObjectBuilder assigned = base(context).add("assignedToUserId", assignee).add("newAssigneeId", assignee)
                .add("newAssigneeType", "user").add("assignedAt", time(context));
        if (previous != null) {
            assigned.add("previousAssigneeId", previous).add("previousAssigneeType", "user");
        }
        context.actorUserId().ifPresent(user -> assigned.add("assignedByUserId", user));
        return event(context, "TICKET_ASSIGNED", assigned);
    }

    private static DomainEvent unassigned(Context context, String previous) {
        return event(context, "TICKET_UNASSIGNED", base(context).add("previousAssigneeId", previous)
                .add("previousAssigneeType", "user").add("unassignedAt", time(context)));
    }

    private static JsonObjectBuilder base(Context context) {
        JsonObjectBuilder payload = WireJson.builders().createObjectBuilder().add("tenantId", context.tenantId())
                .add("occurredAt", time(context)).add("ticketId", context.ticketId());
        if (context.actorUserId().isPresent()) {
            payload.add("actorUserId", context.actorUserId().get()).add("actorType", "USER");
        } else if (context.actorContactId().isPresent()) {
            payload.add("actorContactId", context.actorContactId().get()).add("actorType", "CONTACT");
        } else {
            payload.add("actorType", "SYSTEM");
        }
        return payload;
    }

    private static void optional(JsonObjectBuilder payload, String field, String value) {
        if (value != null) {
            payload.add(field, value);
        }
    }

    private static DomainEvent event(Context context, String type, JsonObjectBuilder payload) {
        return DomainEvent.of(type, payload.build()).forAggregate(context.tenantId(), "ticket:" + context.ticketId());
    }

    private static String time(Context context) {
        return EnvelopeJson.timestamp(context.at());
    }
}
