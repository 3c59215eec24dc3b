package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An invalid event answers 400 with every issue: a JSON pointer and a message each. */
@Provider
public class InvalidEventMapper implements ExceptionMapper<InvalidEventException> {

    @Override
    public Response toResponse(InvalidEventException error) {
        JsonArrayBuilder issues = WireJson.json().createArrayBuilder();
        for (EventIssue issue : error.issues()) {
            issues.add(WireJson.json().createObjectBuilder().add("pointer", issue.pointer()).add("message", issue.message()));
        }
        return Problems.response(Problem.typed(400, "invalid-event", "Invalid event",
                        error.issues().size() + " issue(s) with event " + error.eventType())
                .with("eventType", error.eventType())
                .with("issues", issues.build()));
    }
}
