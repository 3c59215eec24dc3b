package dev.herald.api.workflow;

import dev.herald.workflow.EventNotDeadException;
import dev.herald.api.web.Problem;
import dev.herald.api.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A retry or discard of an event that is not DEAD: 409 with its status, since the queue is still working on it (or did). */
@Provider
public class EventNotDeadMapper implements ExceptionMapper<EventNotDeadException> {

    @Override
    public Response toResponse(EventNotDeadException error) {
        return Problems.response(Problem.typed(409, "event-not-dead", "Event not dead", error.getMessage())
                .with("eventId", error.eventId()).with("processingStatus", error.status().name()));
    }
}
