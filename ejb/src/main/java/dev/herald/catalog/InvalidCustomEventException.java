package dev.herald.catalog;

import jakarta.ejb.ApplicationException;

/** A custom event definition that cannot be stored; the message lists every problem. */
@ApplicationException(rollback = true)
public class InvalidCustomEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCustomEventException(String message) {
        super(message);
    }
}
