package dev.herald.api.web;

import dev.herald.catalog.CatalogConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A catalog entry defined twice, or changed by two requests at once, is a 409. */
@Provider
public class CatalogConflictMapper implements ExceptionMapper<CatalogConflictException> {

    @Override
    public Response toResponse(CatalogConflictException error) {
        return Problems.of(Response.Status.CONFLICT, error.getMessage());
    }
}
