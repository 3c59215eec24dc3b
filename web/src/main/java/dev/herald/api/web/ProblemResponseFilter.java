package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * The last touch on every error answer: the request path as {@code instance} of a problem (so the static
 * {@link Problems} need no request), and a problem body for an error that has no body at all. The runtime's security
 * filter answers a request without a valid token (missing, forged, expired) with an empty 401 after mpJwt has set
 * {@code WWW-Authenticate}; that header stays, the body becomes a problem like every other.
 */
@Provider
public class ProblemResponseFilter implements ContainerResponseFilter {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!response.hasEntity()) {
            response.setEntity(Problem.of(response.getStatus(), emptyErrorDetail(response.getStatus())).at(path).toJson(),
                    response.getEntityAnnotations(), PROBLEM);
            return;
        }
        MediaType type = response.getMediaType();
        if (type != null && PROBLEM.isCompatible(type) && response.getEntity() instanceof JsonObject problem
                && !problem.containsKey("instance")) {
            response.setEntity(WireJson.json().createObjectBuilder(problem).add("instance", path).build(),
                    response.getEntityAnnotations(), type);
        }
    }

    static String emptyErrorDetail(int status) {
        return status == 401 ? "a valid bearer token (a MicroProfile JWT) is required" : null;
    }
}
