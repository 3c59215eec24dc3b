package dev.herald.probes.publish;

import dev.herald.auth.Groups;
import dev.herald.probes.web.ProbeCaller;
import dev.herald.probes.web.ProbeEvent;
import dev.herald.publish.DomainEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Test probe: a batch sent, then its transaction rolled back ({@code POST /probes/events/rolled-back-batch}). */
@Path("/events/rolled-back-batch")
@RolesAllowed(Groups.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RolledBackPublishResource {

    /** As many as {@code POST /api/events/batch} takes. */
    static final int MAX_BATCH = 1000;

    @Inject
    ProbeCaller caller;

    @Inject
    RolledBackPublish probe;

    @POST
    @Operation(summary = "Test probe: publish a batch (in the caller's tenant), then roll its transaction back")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "batch",
            value = "[{\"eventType\":\"PROJECT_CREATED\",\"aggregateKey\":\"project:3f1c2a9e-0000-4000-8000-000000000001\",\"payload\":{\"projectId\":\"3f1c2a9e-0000-4000-8000-000000000001\"}}]")))
    @APIResponse(responseCode = "200", description = "Every event was sent and the transaction rolled back; their ids",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"rolledBack\":true,\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"]}")))
    public Response publishThenRollBack(List<ProbeEvent> requests) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " events");
        }
        List<DomainEvent> events = requests.stream().map(r -> r == null ? null : r.inTenantOf(caller)).toList();
        JsonArrayBuilder ids = Json.createArrayBuilder();
        probe.publishThenRollBack(events).forEach(ids::add);
        return Response.ok(Json.createObjectBuilder().add("rolledBack", true).add("eventIds", ids).build()).build();
    }
}
