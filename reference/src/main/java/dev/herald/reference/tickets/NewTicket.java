package dev.herald.reference.tickets;

/**
 * What a caller gives to open a ticket. {@code tenantId} may instead be the request's tenant; {@code companyId} (the
 * client company), the classification, the assignee and {@code actorUserId} are optional.
 */
public record NewTicket(String tenantId, String ticketNumber, String title, String companyId, String description,
                        String statusId, String priorityId, String boardId, String assignedToUserId, String actorUserId) {
}
