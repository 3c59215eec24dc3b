package dev.herald.api.web;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A commit that failed and rolled back (the EJB container hands it over inside an EJBTransactionRolledbackException,
 * which {@link EjbExceptionMapper} unwraps): answered by what made the commit fail ({@link StoreProblems}).
 */
@Provider
public class RollbackMapper implements ExceptionMapper<RollbackException> {

    @Override
    public Response toResponse(RollbackException error) {
        return StoreProblems.answer(error);
    }
}
