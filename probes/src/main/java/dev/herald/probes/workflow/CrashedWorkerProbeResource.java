package dev.herald.probes.workflow;

import dev.herald.auth.Groups;
import dev.herald.probes.web.ProbeCaller;
import jakarta.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Test probe: a queued event claimed by a worker that then died ({@code POST /probes/workflows/executions/{id}/crashed-worker}). */
@Path("/workflows")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrashedWorkerProbeResource {

    /** The event, as {@code POST /api/workflows/executions/{id}/events} takes it. */
    public record Submission(String eventId, String eventName, JsonObject payload, String userId) {
    }

    @Inject
    ProbeCaller caller;

    @Inject
    CrashedWorkerProbe probe;

    @POST
    @Path("/executions/{id}/crashed-worker")
    @Operation(summary = "Test probe: enqueue an event and leave it PROCESSING as a crashed worker would")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventName\":\"TICKET_ASSIGNED\",\"payload\":{}}")))
    @APIResponse(responseCode = "202", description = "Journaled and left PROCESSING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"sequence\":1,\"processingStatus\":\"PROCESSING\",\"attempts\":1}")))
    public Response enqueueAndAbandon(@PathParam("id") String executionId,
                                      Submission body) {
        if (body == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return Response.accepted(probe.enqueueAndAbandon(caller.tenant(), executionId, body.eventId(),
                body.eventName(), body.payload(), body.userId())).build();
    }
}
