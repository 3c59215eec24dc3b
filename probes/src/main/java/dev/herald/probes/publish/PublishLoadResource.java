package dev.herald.probes.publish;

import dev.herald.auth.Groups;
import dev.herald.probes.web.ProbeCaller;
import dev.herald.probes.web.ProbeEvent;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Benchmark probe: events published from server threads, as EJBs would ({@code POST /probes/events/load}). */
@Path("/events")
@RolesAllowed(Groups.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublishLoadResource {

    /**
     * The event to publish (in the caller's tenant), how many times, from how many container threads, how many per
     * transaction (absent: 1).
     */
    public record LoadRequest(ProbeEvent event, int events, int workers, Integer perTransaction) {
    }

    @Inject
    ProbeCaller caller;

    @Inject
    PublishLoad load;

    @POST
    @Path("/load")
    @Operation(summary = "Benchmark probe: publish an event N times from K server threads, perTransaction per transaction ")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"event\":{\"eventType\":\"PROJECT_CREATED\",\"payload\":{\"projectId\":\"3f1c2a9e-0000-4000-8000-000000000001\"}},\"events\":20000,\"workers\":16,\"perTransaction\":1}")))
    @APIResponse(responseCode = "200", description = "Every event published (durable in the broker); their ids",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"events\":1,\"workers\":1,\"elapsedMs\":4,\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"]}")))
    public Response publishMany(LoadRequest request) {
        if (request == null || request.event() == null) {
            throw new IllegalArgumentException("an event is required");
        }
        LoadRequest body = request;
        PublishLoad.Run run = load.run(body.event().inTenantOf(caller), body.events(), body.workers(),
                body.perTransaction() == null ? 1 : body.perTransaction());
        JsonArrayBuilder ids = Json.createArrayBuilder();
        run.eventIds().forEach(ids::add);
        return Response.ok(Json.createObjectBuilder().add("events", run.eventIds().size()).add("workers", run.workers())
                .add("elapsedMs", run.elapsedNanos() / 1_000_000).add("eventIds", ids).build()).build();
    }
}
