package dev.herald.sample.notes.web;

import dev.herald.events.InvalidEventException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An event the platform refused is the caller's mistake: a 400 problem that lists each issue and where it is. */
@Provider
public class RefusedNoteMapper implements ExceptionMapper<InvalidEventException> {

    @Override
    public Response toResponse(InvalidEventException refused) {
        JsonArrayBuilder issues = Json.createArrayBuilder();
        refused.issues().forEach(issue -> issues.add(Json.createObjectBuilder()
                .add("pointer", issue.pointer()).add("message", issue.message())));
        return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
                .entity(Json.createObjectBuilder().add("title", "the note's event was refused").add("status", 400)
                        .add("eventType", refused.eventType()).add("issues", issues).build())
                .build();
    }
}
