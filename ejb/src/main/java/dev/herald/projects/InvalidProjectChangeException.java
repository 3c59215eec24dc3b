package dev.herald.projects;

import jakarta.ejb.ApplicationException;

/** A project or task change that is refused before anything is written or published; the transaction rolls back. */
@ApplicationException(rollback = true)
public class InvalidProjectChangeException extends IllegalArgumentException {

    public InvalidProjectChangeException(String message) {
        super(message);
    }
}
