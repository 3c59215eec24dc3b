package dev.herald.api.catalog;

import dev.herald.catalog.CatalogConflictException;
import dev.herald.catalog.CustomEvent;
import dev.herald.catalog.CustomEventService;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.api.web.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The caller's tenant's custom event types: its admins define and delete them. */
@Path("/catalog/custom")
@RolesAllowed(Groups.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomEventResource {

    @Inject
    Caller caller;

    @Inject
    CustomEventService customEvents;

    @POST
    @Operation(summary = "Define a custom event type for the tenant (a registry schema ref or its own JSON Schema)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"eventType\":\"WIDGET_SHIPPED\",\"displayName\":\"Widget Shipped\",\"category\":\"Widgets\",\"description\":\"A widget left the warehouse\",\"schema\":{\"type\":\"object\",\"required\":[\"tenantId\"],\"properties\":{\"tenantId\":{\"type\":\"string\"}}}}")))
    @APIResponse(responseCode = "201", description = "The tenant's new catalog entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventType\":\"WIDGET_SHIPPED\",\"displayName\":\"Widget Shipped\",\"category\":\"Widgets\",\"status\":\"active\",\"scope\":\"tenant\"}")))
    @APIResponse(responseCode = "409", description = "Conflict",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"tenant acme defines WIDGET_SHIPPED already\",\"instance\":\"/api/catalog/custom\"}")))
    public Response define(CustomEvent event) {
        if (event == null) {
            return Problems.badRequest("a custom event definition is required");
        }
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(customEvents.define(caller.tenant(), event)).build();
        } catch (CatalogConflictException e) {
            return Problems.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @PUT
    @Path("/{eventType}")
    @Operation(summary = "Replace the definition of one of the tenant's custom event types (validated like a new one)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"displayName\":\"Widget Shipped\",\"category\":\"Widgets\",\"description\":\"A widget left the warehouse for the customer\",\"schema\":{\"type\":\"object\",\"required\":[\"tenantId\"],\"properties\":{\"tenantId\":{\"type\":\"string\"}}}}")))
    public Response update(@PathParam("eventType") String eventType, CustomEvent event) {
        if (event == null) {
            return Problems.badRequest("a custom event definition is required");
        }
        String tenant = caller.tenant();
        return customEvents.update(tenant, eventType, event)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Problems.notFound("tenant " + tenant + " defines no " + eventType));
    }

    @DELETE
    @Path("/{eventType}")
    @Operation(summary = "Delete one of the tenant's custom event types")
    @Parameter(name = "eventType", in = ParameterIn.PATH, description = "one of the tenant's custom types", example = "WIDGET_SHIPPED")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Not Found",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"tenant acme defines no WIDGET_SHIPPED\",\"instance\":\"/api/catalog/custom/WIDGET_SHIPPED\"}")))
    public Response delete(@PathParam("eventType") String eventType) {
        String tenant = caller.tenant();
        return customEvents.delete(tenant, eventType)
                ? Response.noContent().build()
                : Problems.notFound("tenant " + tenant + " defines no " + eventType);
    }
}
