package dev.herald.reference.tickets;

/**
 * A company or a user to create ({@code name}, {@code email}), or a user to put on a ticket ({@code userId}), always
 * in a tenant; {@code actorUserId} is who puts them there (absent for a system change).
 */
public record TicketDirectoryRequest(String tenantId, String name, String email, String userId, String actorUserId) {

    /** The same request in the given tenant: the caller's, whatever the body said. */
    public TicketDirectoryRequest inTenant(String tenant) {
        return new TicketDirectoryRequest(tenant, name, email, userId, actorUserId);
    }
}
