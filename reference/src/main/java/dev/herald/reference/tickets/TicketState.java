package dev.herald.reference.tickets;

import dev.herald.reference.changes.FieldChanges;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a ticket looks like to its transition detector. {@code closed} and {@code escalationBoard} are facts about
 * the status and the board the ticket is in (they decide TICKET_CLOSED/_REOPENED and TICKET_ESCALATED), not fields
 * of their own; the assignee has its own events rather than a line in TICKET_UPDATED.
 *
 * @param additionalResources the ids of the users working on the ticket besides its assignee, kept sorted
 */
public record TicketState(String title, String description, String statusId, boolean closed, String priorityId,
                          String boardId, boolean escalationBoard, String assignedToUserId, List<String> additionalResources) {

    public TicketState {
        additionalResources = additionalResources == null ? List.of() : additionalResources.stream().sorted().toList();
    }

    public static TicketState titled(String title) {
        return new TicketState(title, null, null, false, null, null, false, null, List.of());
    }

    public TicketState withText(String newTitle, String newDescription) {
        return new TicketState(newTitle, newDescription, statusId, closed, priorityId, boardId, escalationBoard, assignedToUserId, additionalResources);
    }

    public TicketState withStatus(String id, boolean isClosed) {
        return new TicketState(title, description, id, isClosed, priorityId, boardId, escalationBoard, assignedToUserId, additionalResources);
    }

    public TicketState withPriority(String id) {
        return new TicketState(title, description, statusId, closed, id, boardId, escalationBoard, assignedToUserId, additionalResources);
    }

    public TicketState withBoard(String id, boolean escalation) {
        return new TicketState(title, description, statusId, closed, priorityId, id, escalation, assignedToUserId, additionalResources);
    }

    public TicketState withAssignee(String userId) {
        return new TicketState(title, description, statusId, closed, priorityId, boardId, escalationBoard, userId, additionalResources);
    }

    public TicketState withResource(String userId) {
        return additionalResources.contains(userId) ? this : new TicketState(title, description, statusId, closed, priorityId,
                boardId, escalationBoard, assignedToUserId, Stream.concat(additionalResources.stream(), Stream.of(userId)).toList());
    }

    /** The fields whose changes are a TICKET_UPDATED, named as its {@code updatedFields} name them. */
    Map<String, JsonValue> fields() {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("title", FieldChanges.text(title));
        fields.put("description", FieldChanges.text(description));
        fields.put("statusId", FieldChanges.text(statusId));
        fields.put("priorityId", FieldChanges.text(priorityId));
        fields.put("boardId", FieldChanges.text(boardId));
        JsonArrayBuilder resources = Json.createArrayBuilder();
        additionalResources.forEach(resources::add);
        fields.put("additionalResources", resources.build());
        return fields;
    }
}
