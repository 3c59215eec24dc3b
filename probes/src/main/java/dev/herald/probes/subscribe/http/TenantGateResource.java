package dev.herald.probes.subscribe.http;

import dev.herald.auth.Groups;
import dev.herald.probes.subscribe.TenantGates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Closes and opens probe-slow's gate for a tenant ({@code POST /probes/subscribe/gates/{tenantId}/close|open}). */
@Path("/subscribe/gates")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class TenantGateResource {

    @Inject
    TenantGates gates;

    @POST
    @Path("/{tenantId}/close")
    @Operation(summary = "Test probe: probe-slow blocks on this tenant's events until the gate is opened")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"closed\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"}")))
    public Response close(@PathParam("tenantId") String tenantId) {
        gates.close(tenantId);
        return Response.ok(Json.createObjectBuilder().add("closed", tenantId).build()).build();
    }

    @POST
    @Path("/{tenantId}/open")
    @Operation(summary = "Test probe: let probe-slow through for this tenant's events, now and later")
    @APIResponse(responseCode = "200", description = "Opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"opened\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"}")))
    public Response open(@PathParam("tenantId") String tenantId) {
        gates.open(tenantId);
        return Response.ok(Json.createObjectBuilder().add("opened", tenantId).build()).build();
    }
}
