package dev.herald.reference.tickets;

import dev.herald.reference.changes.AggregateNotFoundException;
import jakarta.ejb.ApplicationException;

/** A ticket, user or company that does not exist in the caller's tenant; the transaction rolled back. */
@ApplicationException(rollback = true)
public class UnknownTicketEntityException extends AggregateNotFoundException {

    private static final long serialVersionUID = 1L;

    public UnknownTicketEntityException(String message) {
        super(message);
    }
}
