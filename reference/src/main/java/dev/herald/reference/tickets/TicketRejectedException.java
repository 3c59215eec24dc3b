package dev.herald.reference.tickets;

import jakarta.ejb.ApplicationException;

/** The ticket could not be stored as asked (for example its number is taken); the transaction rolled back. */
@ApplicationException(rollback = true)
public class TicketRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TicketRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
