package dev.herald.events;

import jakarta.ejb.ApplicationException;

/**
 * A concurrent publish of the same tenant took the idempotency key first and committed. This publish sent nothing and
 * its transaction rolls back; publishing again (in a new transaction) answers with the event that took the key.
 */
@ApplicationException(rollback = true)
public class IdempotencyKeyTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;

    public IdempotencyKeyTakenException(String tenantId, String idempotencyKey, Throwable cause) {
        super("idempotency key " + idempotencyKey + " of tenant " + tenantId + " was taken by a concurrent publish", cause);
        this.idempotencyKey = idempotencyKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
