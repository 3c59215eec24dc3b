package dev.herald.tickets;

/** What a caller gives to open a ticket. */
public record NewTicket(String tenantId, String ticketNumber, String title) {
}
