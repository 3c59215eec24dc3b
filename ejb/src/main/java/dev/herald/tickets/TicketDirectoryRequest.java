package dev.herald.tickets;

/**
 * A company or a user to create ({@code name}, {@code email}), or a user to put on a ticket ({@code userId}), always
 * in a tenant.
 */
public record TicketDirectoryRequest(String tenantId, String name, String email, String userId) {
}
