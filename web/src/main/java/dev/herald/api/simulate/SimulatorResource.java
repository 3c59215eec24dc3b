package dev.herald.api.simulate;

import dev.herald.kernel.WireJson;
import dev.herald.simulate.RecentSimulations;
import dev.herald.simulate.SimulationResult;
import dev.herald.simulate.SimulatorService;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import dev.herald.api.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The event simulator: fire one event in the caller's tenant through the real publisher (marked as simulated on the
 * wire) or as a dry run, see the enriched payload and the workflows it reaches, and list the tenant's simulations.
 * An invalid event answers 400 with every issue, as {@code POST /api/events} does; a payload naming another tenant 403.
 */
@Path("/simulator")
@RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    @Inject
    Caller caller;

    @Inject
    SimulatorService simulator;

    @POST
    @Path("/events")
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Operation(summary = "Simulate one event: published (202) or dry run (200), with its enriched payload and matched workflow triggers")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dry run",
            value = "{\"eventType\":\"TICKET_CREATED\",\"dryRun\":true,\"payload\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000009\"}}")))
    @APIResponse(responseCode = "200", description = "Dry run: validated and enriched, nothing published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dry run",
                    value = "{\"simulationId\":\"5b1d…\",\"eventType\":\"TICKET_CREATED\",\"dryRun\":true,\"published\":false,\"payload\":{\"tenantId\":\"acme\",\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000009\",\"occurredAt\":\"2026-12-01T12:00:00.000Z\"},\"matchedTriggers\":[{\"workflow\":\"ticket-lifecycle\",\"version\":1,\"action\":\"start\",\"correlationField\":\"ticketId\"}]}")))
    @APIResponse(responseCode = "202", description = "Published through the real pipeline, marked simulated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "published",
                    value = "{\"simulationId\":\"5b1d…\",\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventType\":\"TICKET_CREATED\",\"dryRun\":false,\"published\":true,\"payload\":{},\"matchedTriggers\":[]}")))
    public Response simulate(SimulationRequest request) {
        Requests.body(request);
        SimulationResult result = simulator.simulate(caller.tenant(), caller.user(), request.toDomainEvent(caller),
                request.isDryRun());
        return Response.status(result.published() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(result.toJson()).build();
    }

    @GET
    @Path("/simulations")
    @RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
    @Operation(summary = "The tenant's latest simulations, newest first (limit 1 to 200)")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 200", example = "20")
    @APIResponse(responseCode = "200", description = "The tenant's simulations, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "list",
                    value = "{\"items\":[{\"simulationId\":\"5b1d…\",\"eventType\":\"TICKET_CREATED\",\"eventId\":null,\"user\":\"developer\",\"at\":\"2026-12-01T12:00:00.000Z\",\"dryRun\":true,\"outcome\":\"DRY_RUN\",\"issueCount\":0}]}")))
    public JsonObject simulations(@QueryParam("limit") @DefaultValue("20") int limit) {
        JsonArrayBuilder items = WireJson.json().createArrayBuilder();
        simulator.recent(new RecentSimulations(caller.tenant(), limit)).forEach(s -> items.add(s.toJson()));
        return WireJson.json().createObjectBuilder().add("items", items).build();
    }
}
