package dev.herald.workflow;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The execution moved on before this submission: 409, so the caller reloads the state and decides. */
@Provider
public class SequenceConflictMapper implements ExceptionMapper<SequenceConflictException> {

    @Override
    public Response toResponse(SequenceConflictException error) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder()
                        .add("error", error.getMessage())
                        .add("executionId", error.executionId())
                        .add("expectedSequence", error.expectedSequence()).build())
                .build();
    }
}
