package dev.herald.probes.web;

import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The probes' error answers, {@code application/problem+json} as the API's: an invalid event is a 400 with its
 * issues (pointer and message, as {@code POST /api/events} answers), a refused argument a 400, an exception the EJB
 * container wrapped is answered as its cause, anything else a 500.
 */
@Provider
public class ProbeProblems implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException error) {
        Throwable cause = error;
        while (cause instanceof EJBException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof WebApplicationException web) {
            return web.getResponse();
        }
        if (cause instanceof InvalidEventException invalid) {
            JsonArrayBuilder issues = Json.createArrayBuilder();
            for (EventIssue issue : invalid.issues()) {
                issues.add(Json.createObjectBuilder().add("pointer", issue.pointer()).add("message", issue.message()));
            }
            return answer(400, problem(400, invalid.issues().size() + " issue(s) with event " + invalid.eventType())
                    .add("eventType", invalid.eventType()).add("issues", issues));
        }
        if (cause instanceof IllegalArgumentException) {
            return answer(400, problem(400, cause.getMessage()));
        }
        return answer(500, problem(500, cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }

    private static JsonObjectBuilder problem(int status, String detail) {
        JsonObjectBuilder problem = Json.createObjectBuilder().add("status", status)
                .add("title", Response.Status.fromStatusCode(status).getReasonPhrase());
        return detail == null ? problem : problem.add("detail", detail);
    }

    private static Response answer(int status, JsonObjectBuilder problem) {
        return Response.status(status).type("application/problem+json").entity(problem.build()).build();
    }
}
