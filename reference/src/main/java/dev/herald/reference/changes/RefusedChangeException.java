package dev.herald.reference.changes;

import jakarta.ejb.ApplicationException;

/** A business operation refused before anything is written or published (bad status, missing field...). */
@ApplicationException(rollback = true)
public class RefusedChangeException extends IllegalArgumentException {

    public RefusedChangeException(String message) {
        super(message);
    }

    public RefusedChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
