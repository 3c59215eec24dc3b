package dev.herald.api.web;

import jakarta.ws.rs.core.Response;

/**
 * The error answers every resource and mapper gives: {@code application/problem+json} bodies (RFC 9457, see
 * {@link Problem}). The request path is added as {@code instance} on the way out (ProblemInstanceFilter), so the
 * static helpers need no request.
 */
public final class Problems {

    private Problems() {
    }

    public static Response of(Response.Status status, String message) {
        return response(Problem.of(status.getStatusCode(), message));
    }

    public static Response badRequest(String message) {
        return of(Response.Status.BAD_REQUEST, message);
    }

    public static Response notFound(String message) {
        return of(Response.Status.NOT_FOUND, message);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson()).build();
    }
}
