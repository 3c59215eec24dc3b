package dev.herald.workflow.probe;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import dev.herald.web.Requests;
import dev.herald.workflow.EventSubmission;
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

/** Test probe (404 unless herald.workflow.probes.enabled): a queued event claimed by a worker that then died. */
@Path("/workflows/probes")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrashedWorkerProbeResource {

    @Inject
    Caller caller;

    @Inject
    CrashedWorkerProbe probe;

    @POST
    @Path("/executions/{id}/crashed-worker")
    @Operation(summary = "Test probe: enqueue an event and leave it PROCESSING as a crashed worker would (off by default)")
    public Response enqueueAndAbandon(@PathParam("id") String executionId,
                                      EventSubmission event) {
        EventSubmission body = Requests.body(event);
        return Response.accepted(probe.enqueueAndAbandon(caller.tenant(), executionId, body.eventId(),
                body.eventName(), body.payload(), body.userId())).build();
    }
}
