package dev.herald.api.web;

import dev.herald.reference.changes.AggregateNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No such ticket, project, task, time entry or invoice in the caller's tenant: 404, as the platform's own. */
@Provider
public class AggregateNotFoundMapper implements ExceptionMapper<AggregateNotFoundException> {

    @Override
    public Response toResponse(AggregateNotFoundException error) {
        return Problems.notFound(error.getMessage());
    }
}
