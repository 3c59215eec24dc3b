package dev.herald.api.workflow;

import dev.herald.workflow.UnknownExecutionException;
import dev.herald.api.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No such execution in the caller's tenant: 404. */
@Provider
public class UnknownExecutionMapper implements ExceptionMapper<UnknownExecutionException> {

    @Override
    public Response toResponse(UnknownExecutionException error) {
        return Problems.notFound(error.getMessage());
    }
}
