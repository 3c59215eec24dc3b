package dev.herald.workflow.probe;

import dev.herald.web.Requests;
import dev.herald.web.Tenants;
import dev.herald.workflow.EventSubmission;
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
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrashedWorkerProbeResource {

    @Inject
    CrashedWorkerProbe probe;

    @POST
    @Path("/executions/{id}/crashed-worker")
    @Operation(summary = "Test probe: enqueue an event and leave it PROCESSING as a crashed worker would (off by default)")
    public Response enqueueAndAbandon(@QueryParam("tenantId") String tenantId, @PathParam("id") String executionId,
                                      EventSubmission event) {
        EventSubmission body = Requests.body(event);
        return Response.accepted(probe.enqueueAndAbandon(Tenants.required(tenantId), executionId, body.eventId(),
                body.eventName(), body.payload(), body.userId())).build();
    }
}
