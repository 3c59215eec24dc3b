package dev.herald.api.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every JAX-RS error, ours ({@code Caller}'s 401 and 403, a too large body) and the runtime's (no such path, method
 * not allowed, unacceptable or unsupported media type, a parameter that does not convert), as a problem. The
 * exception's headers are kept ({@code WWW-Authenticate}, {@code Allow}). An exception that already carries a
 * problem body is answered as it is.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException error) {
        Response original = error.getResponse();
        if (original.getEntity() != null && original.getMediaType() != null
                && original.getMediaType().toString().startsWith(Problem.MEDIA_TYPE)) {
            return original;
        }
        Problem problem = problem(error, original.getStatus());
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson());
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    private Problem problem(WebApplicationException error, int status) {
        if (error instanceof NotFoundException && error.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter does not convert (page=abc): the path exists, the
            // request is wrong.
            return RequestProblems.invalidParameter(error.getMessage());
        }
        String path = uri == null ? "" : uri.getRequestUri().getRawPath();
        return switch (status) {
            case 404 -> Problem.of(404, framework(error) ? "no resource at " + path : error.getMessage());
            case 405 -> Problem.of(405, request.getMethod() + " is not allowed on " + path
                    + allowed(error.getResponse().getHeaderString(HttpHeaders.ALLOW)));
            case 406 -> Problem.of(406, "the resource cannot answer in " + headers.getHeaderString(HttpHeaders.ACCEPT)
                    + "; it answers application/json");
            case 415 -> Problem.of(415, "Content-Type " + contentType() + " is not accepted here; send application/json");
            default -> Problem.of(status < 400 ? 500 : status, framework(error) ? null : error.getMessage());
        };
    }

    private String contentType() {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return type == null ? "(none)" : type;
    }

    private static String allowed(String allow) {
        return allow == null || allow.isBlank() ? "" : "; allowed: " + allow;
    }

    /** The runtime's own messages (RESTEASY003210: ..., HTTP 404 Not Found) are for its log, not for clients. */
    static boolean framework(WebApplicationException error) {
        String message = error.getMessage();
        return message == null || message.startsWith("RESTEASY") || message.startsWith("HTTP ");
    }
}
