package dev.herald.api.web;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * The EJB container wraps a service's runtime exception that is not an application exception (an
 * IllegalArgumentException of a page check, a conflict of the workflow service) in an EJBException: it is answered
 * as its cause would be. Without this mapper the last-resort one would turn every such refusal into a 500.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(EJBException error) {
        Throwable cause = error;
        while (cause instanceof EJBException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        ExceptionMapper mapper = cause instanceof EJBException ? null : providers.getExceptionMapper(cause.getClass());
        return mapper == null ? UnexpectedErrorMapper.answer(error) : mapper.toResponse(cause);
    }
}
