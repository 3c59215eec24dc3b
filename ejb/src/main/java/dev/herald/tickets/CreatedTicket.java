package dev.herald.tickets;

/** A ticket that was committed, and the id of the TICKET_CREATED event published with it. */
public record CreatedTicket(String ticketId, String ticketNumber, String eventId) {
}
