package dev.herald.projects;

import jakarta.ejb.ApplicationException;

/** No such project or task in the caller's tenant (another tenant's ids are unknown too). */
@ApplicationException(rollback = true)
public class UnknownProjectException extends RuntimeException {

    public UnknownProjectException(String message) {
        super(message);
    }
}
