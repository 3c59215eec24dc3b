package dev.herald.api.cloudevents;

import dev.herald.kernel.WireJson;
import dev.herald.api.web.Problem;
import dev.herald.api.web.Problems;
import dev.herald.cloudevents.AttributeIssue;
import dev.herald.cloudevents.InvalidCloudEventException;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request that is not a CloudEvent 1.0 Herald can publish: a 400 {@code invalid-cloudevent} problem naming the
 * attribute ({@code attribute}, the first; {@code issues}, every one with its message).
 */
@Provider
public class InvalidCloudEventMapper implements ExceptionMapper<InvalidCloudEventException> {

    @Override
    public Response toResponse(InvalidCloudEventException error) {
        JsonArrayBuilder issues = WireJson.json().createArrayBuilder();
        for (AttributeIssue issue : error.issues()) {
            issues.add(WireJson.json().createObjectBuilder().add("attribute", issue.attribute()).add("message", issue.message()));
        }
        AttributeIssue first = error.issues().get(0);
        return Problems.response(Problem.typed(400, "invalid-cloudevent", "Invalid CloudEvent",
                        "attribute " + first.attribute() + " " + first.message()
                                + (error.issues().size() == 1 ? "" : " (and " + (error.issues().size() - 1) + " more issues)"))
                .with("attribute", first.attribute())
                .with("issues", issues.build()));
    }
}
