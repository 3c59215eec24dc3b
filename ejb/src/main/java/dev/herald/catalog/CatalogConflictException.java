package dev.herald.catalog;

import jakarta.ejb.ApplicationException;

/** The tenant already has an entry for that event type. */
@ApplicationException(rollback = true)
public class CatalogConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogConflictException(String message) {
        super(message);
    }
}
