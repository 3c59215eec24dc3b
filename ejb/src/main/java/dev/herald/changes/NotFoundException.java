package dev.herald.changes;

import jakarta.ejb.ApplicationException;

/** The aggregate an operation names does not exist in the caller's tenant (another tenant's ids do not either). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
