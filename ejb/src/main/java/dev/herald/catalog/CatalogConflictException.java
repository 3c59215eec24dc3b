package dev.herald.catalog;

import jakarta.ejb.ApplicationException;

/** The tenant already has an entry for that event type, or another request changed the entry at the same time. */
@ApplicationException(rollback = true)
public class CatalogConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogConflictException(String message) {
        super(message);
    }

    public CatalogConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
