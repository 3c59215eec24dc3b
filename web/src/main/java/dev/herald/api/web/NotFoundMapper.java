package dev.herald.api.web;

import dev.herald.kernel.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No such aggregate in the caller's tenant: 404. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Override
    public Response toResponse(NotFoundException error) {
        return Problems.notFound(error.getMessage());
    }
}
