package dev.herald.projects;

import dev.herald.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No such project or task in the caller's tenant: 404. */
@Provider
public class UnknownProjectMapper implements ExceptionMapper<UnknownProjectException> {

    @Override
    public Response toResponse(UnknownProjectException error) {
        return Problems.notFound(error.getMessage());
    }
}
