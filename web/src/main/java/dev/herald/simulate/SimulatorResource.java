package dev.herald.simulate;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import dev.herald.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
    public JsonObject simulations(@QueryParam("limit") @DefaultValue("20") int limit) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        simulator.recent(new RecentSimulations(caller.tenant(), limit)).forEach(s -> items.add(s.toJson()));
        return Json.createObjectBuilder().add("items", items).build();
    }
}
