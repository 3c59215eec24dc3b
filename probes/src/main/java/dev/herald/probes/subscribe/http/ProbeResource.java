package dev.herald.probes.subscribe.http;

import dev.herald.auth.Groups;
import dev.herald.probes.subscribe.HangingProbe;
import dev.herald.probes.subscribe.ProbeRecorder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What a test subscriber received ({@code GET /probes/subscribe/{subscriberId}}), and the release of probe-hangs. */
@Path("/subscribe")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    ProbeRecorder recorder;

    @Inject
    HangingProbe hanging;

    @GET
    @Path("/{subscriberId}")
    @APIResponse(responseCode = "200", description = "What the test probe received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventType\":\"TICKET_CREATED\"}]")))
    public Response invocations(@PathParam("subscriberId") String subscriberId) {
        return Response.ok(recorder.of(subscriberId)).build();
    }

    @GET
    @Path("/{subscriberId}/typed")
    @APIResponse(responseCode = "200", description = "The records a typed test probe received, as JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"openedVia\":\"USER\",\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000440\"}]")))
    public Response typedRecords(@PathParam("subscriberId") String subscriberId) {
        return Response.ok("[" + String.join(",", recorder.typedOf(subscriberId)) + "]").build();
    }

    /** Ends probe-hangs' invocations for the event, now and later (they fail): the test decides when it stops hanging. */
    @POST
    @Path("/probe-hangs/{eventId}/release")
    @Operation(summary = "Test probe: let probe-hangs stop hanging on the event")
    @APIResponse(responseCode = "200", description = "Released",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"released\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"}")))
    public Response releaseHangingProbe(@PathParam("eventId") String eventId) {
        hanging.release(eventId);
        return Response.ok(Json.createObjectBuilder().add("released", eventId).build()).build();
    }
}
