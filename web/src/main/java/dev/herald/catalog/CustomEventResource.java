package dev.herald.catalog;

import dev.herald.web.Problems;
import dev.herald.web.Tenants;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's custom event types. The tenant is a query parameter until authentication exists. */
@Path("/catalog/custom")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomEventResource {

    @Inject
    CustomEventService customEvents;

    @POST
    @Operation(summary = "Define a custom event type for the tenant (a registry schema ref or its own JSON Schema)")
    public Response define(@QueryParam("tenantId") String tenantId, CustomEvent event) {
        if (event == null) {
            return Problems.badRequest("a custom event definition is required");
        }
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(customEvents.define(Tenants.required(tenantId), event)).build();
        } catch (CatalogConflictException e) {
            return Problems.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @DELETE
    @Path("/{eventType}")
    @Operation(summary = "Delete one of the tenant's custom event types")
    public Response delete(@QueryParam("tenantId") String tenantId, @PathParam("eventType") String eventType) {
        return customEvents.delete(Tenants.required(tenantId), eventType)
                ? Response.noContent().build()
                : Problems.notFound("tenant " + tenantId + " defines no " + eventType);
    }
}
