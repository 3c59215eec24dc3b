package dev.herald.api.workflow;

import dev.herald.kernel.WireJson;
import dev.herald.workflow.TransitionRefusedException;
import dev.herald.api.web.Problem;
import dev.herald.api.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An event the current state does not accept: 422 with the reason and the transitions the state offers. */
@Provider
public class TransitionRefusedMapper implements ExceptionMapper<TransitionRefusedException> {

    static final int UNPROCESSABLE_CONTENT = 422;

    @Override
    public Response toResponse(TransitionRefusedException error) {
        return Problems.response(Problem.typed(UNPROCESSABLE_CONTENT, "transition-refused", "Transition refused",
                        error.getMessage())
                .with("state", error.state())
                .with("eventName", error.eventName())
                .with("transitions", WireJson.json().createArrayBuilder(error.transitions()).build()));
    }
}
