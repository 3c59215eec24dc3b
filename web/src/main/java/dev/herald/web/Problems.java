package dev.herald.web;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error bodies every resource answers with: {@code {"error": "..."}}. */
public final class Problems {

    private Problems() {
    }

    public static Response of(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build()).build();
    }

    public static Response badRequest(String message) {
        return of(Response.Status.BAD_REQUEST, message);
    }

    public static Response notFound(String message) {
        return of(Response.Status.NOT_FOUND, message);
    }
}
