package dev.herald.reference.tickets;

import dev.herald.reference.changes.ChangeResult;
import java.util.List;

/**
 * A ticket that was committed: {@code eventId} is its TICKET_CREATED (the contract of the first ticket endpoint),
 * {@code eventIds} and {@code eventTypes} every event the opening published, in order.
 */
public record CreatedTicket(String ticketId, String ticketNumber, String eventId, List<String> eventIds, List<String> eventTypes) {

    static CreatedTicket of(Ticket ticket, ChangeResult published) {
        return new CreatedTicket(ticket.getId(), ticket.getTicketNumber(), published.eventIds().get(0), published.eventIds(),
                published.eventTypes());
    }
}
