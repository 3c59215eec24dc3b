package dev.herald.api.web;

import jakarta.ws.rs.core.Response;

/** What the domain resources share in translating a request and its answer. */
public final class Requests {

    private Requests() {
    }

    /** @throws IllegalArgumentException (a 400) when a request that needs a body came without one */
    public static <T> T body(T request) {
        if (request == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return request;
    }

    public static Response created(Object entity) {
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }
}
