package dev.herald.reference.changes;

import jakarta.ejb.ApplicationException;

/** The aggregate an operation names does not exist in the caller's tenant (another tenant's ids do not either). */
@ApplicationException(rollback = true)
public class AggregateNotFoundException extends RuntimeException {

    public AggregateNotFoundException(String message) {
        super(message);
    }
}
