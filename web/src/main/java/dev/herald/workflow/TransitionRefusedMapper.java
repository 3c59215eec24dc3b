package dev.herald.workflow;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An event the current state does not accept: 422 with the reason and the transitions the state offers. */
@Provider
public class TransitionRefusedMapper implements ExceptionMapper<TransitionRefusedException> {

    static final int UNPROCESSABLE_CONTENT = 422;

    @Override
    public Response toResponse(TransitionRefusedException error) {
        JsonArrayBuilder transitions = Json.createArrayBuilder();
        error.transitions().forEach(transitions::add);
        return Response.status(UNPROCESSABLE_CONTENT).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder()
                        .add("error", error.getMessage())
                        .add("state", error.state())
                        .add("eventName", error.eventName())
                        .add("transitions", transitions).build())
                .build();
    }
}
