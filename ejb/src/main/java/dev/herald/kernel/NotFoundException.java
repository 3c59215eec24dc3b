package dev.herald.kernel;

import jakarta.ejb.ApplicationException;

/** What a request names does not exist in the caller's tenant (another tenant's ids do not either): a 404. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
