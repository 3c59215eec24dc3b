package dev.herald.api.web;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A write the persistence provider failed (an optimistic lock lost to a concurrent update, an entity check wrapped by
 * the provider): answered by what caused it ({@link StoreProblems}).
 */
@Provider
public class PersistenceFailureMapper implements ExceptionMapper<PersistenceException> {

    @Override
    public Response toResponse(PersistenceException error) {
        return StoreProblems.answer(error);
    }
}
