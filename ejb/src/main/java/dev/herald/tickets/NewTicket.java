package dev.herald.tickets;

/** What a caller gives to open a ticket; {@code companyId} (the client company) is optional. */
public record NewTicket(String tenantId, String ticketNumber, String title, String companyId) {
}
