package dev.herald.api.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request our services refuse as malformed (bad sort key, page size out of range...) is a 400 with the reason. */
@Provider
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException error) {
        return Problems.badRequest(error.getMessage());
    }
}
