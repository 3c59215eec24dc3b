package dev.herald.reference.tickets;

/**
 * What callers ask of {@link TicketService} besides opening a ticket. A null field of an update means "leave as is";
 * {@code actorUserId} is the user who acts (a UUID), absent for a system change.
 */
public final class TicketRequests {

    private TicketRequests() {
    }

    public record TicketUpdate(String title, String description, String statusId, String priorityId, String boardId,
                               String actorUserId) {
    }

    /** Close into {@code statusId} (a closed status), or reopen into it (an open one). */
    public record StatusMove(String statusId, String actorUserId) {
    }

    public record Assignee(String userId, String actorUserId) {
    }

    /** Exactly one author: {@code authorUserId} (an agent) or {@code authorContactId} (a client contact). */
    public record NewComment(String body, boolean internal, String authorUserId, String authorContactId, String channel) {
    }

    /** A status ({@code closed}), a priority, or a board ({@code escalation}) of the tenant. */
    public record NewCategory(String name, boolean closed, boolean escalation) {
    }

    public record NewContact(String name, String email, String companyId) {
    }
}
