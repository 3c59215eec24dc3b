package dev.herald.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a request whose declared Content-Length is over {@code herald.api.max-body-bytes} with 413 before
 * anything is read or matched; a body without a length is counted while read ({@link RequestBodyGuard}).
 */
@Provider
@PreMatching
public class BodySizeFilter implements ContainerRequestFilter {

    @Inject
    ApiSettings settings;

    /** The length the container parsed from the request's Content-Length header. */
    @Context
    HttpServletRequest servlet;

    @Override
    public void filter(ContainerRequestContext request) {
        BodyLimit limit = settings.bodyLimit();
        long declared = servlet == null ? -1 : servlet.getContentLengthLong();
        if (declared > limit.maxBytes() || limit.exceededBy(request.getHeaderString(HttpHeaders.CONTENT_LENGTH))) {
            throw tooLarge(limit);
        }
    }

    static ClientErrorException tooLarge(BodyLimit limit) {
        return new ClientErrorException(Problems.response(RequestProblems.bodyTooLarge(limit.maxBytes())));
    }
}
