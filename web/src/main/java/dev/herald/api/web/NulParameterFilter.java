package dev.herald.api.web;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a path or a query parameter whose name or value holds U+0000 ({@code %00}) with 400 before any resource
 * runs: no database column of Herald's can hold NUL (PostgreSQL refuses it in text), so such a value could only fail
 * later, as a 500. Liberty refuses some paths with NUL itself, not all (the fuzz found
 * {@code DELETE /api/catalog/custom/y%F0%9F%92%A5%00uwz} reaching PostgreSQL); {@link JsonBodies} refuses it in bodies.
 */
@Provider
@PreMatching
public class NulParameterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (holdsNul(path)) {
            throw new ClientErrorException(Problems.response(RequestProblems.invalidParameter("path", "path",
                    visible(path), "free of NUL characters (%00)")));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String offending = holdsNul(parameter.getKey()) ? parameter.getKey()
                    : parameter.getValue().stream().filter(NulParameterFilter::holdsNul).findFirst().orElse(null);
            if (offending != null) {
                throw new ClientErrorException(Problems.response(RequestProblems.invalidParameter("query",
                        visible(parameter.getKey()), visible(offending), "free of NUL characters (%00)")));
            }
        }
    }

    private static String visible(String text) {
        return text.replace('\u0000', '\uFFFD');
    }

    static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
