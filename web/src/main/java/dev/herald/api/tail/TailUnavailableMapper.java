package dev.herald.api.tail;

import dev.herald.tail.TailUnavailableException;
import dev.herald.api.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The live tail cannot reach Redis: 503, before any stream starts. */
@Provider
public class TailUnavailableMapper implements ExceptionMapper<TailUnavailableException> {

    @Override
    public Response toResponse(TailUnavailableException error) {
        return Problems.of(Response.Status.SERVICE_UNAVAILABLE, error.getMessage());
    }
}
