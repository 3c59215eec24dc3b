package dev.herald.api.workflow;

import dev.herald.kernel.WireJson;
import dev.herald.workflow.SequenceConflictException;
import dev.herald.api.web.Problem;
import dev.herald.api.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The execution moved on before this submission: 409, so the caller reloads the state and decides. */
@Provider
public class SequenceConflictMapper implements ExceptionMapper<SequenceConflictException> {

    @Override
    public Response toResponse(SequenceConflictException error) {
        return Problems.response(Problem.typed(409, "sequence-conflict", "Sequence conflict", error.getMessage())
                .with("executionId", error.executionId())
                .with("expectedSequence", WireJson.json().createValue(error.expectedSequence())));
    }
}
