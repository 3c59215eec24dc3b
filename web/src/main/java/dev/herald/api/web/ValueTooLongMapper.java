package dev.herald.api.web;

import dev.herald.persistence.ValueTooLongException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A string longer than its column is a 400 naming the field and its limit. */
@Provider
public class ValueTooLongMapper implements ExceptionMapper<ValueTooLongException> {

    @Override
    public Response toResponse(ValueTooLongException error) {
        return StoreProblems.tooLong(error);
    }
}
