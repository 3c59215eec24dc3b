package dev.herald.probes.subscribe.http;

import dev.herald.auth.Groups;
import dev.herald.probes.subscribe.BenchSubscribers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

/**
 * What the end-to-end benchmark's subscribers saw ({@code GET /probes/subscribe/bench/{arrivals|no-op}}) and their
 * reset between modes. The answer is built as text: 100,000 arrivals through JSON-P on the benchmark's two cores
 * would cost more than the run it reports on.
 */
@Path("/subscribe/bench")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class BenchSubscribersResource {

    @Inject
    BenchSubscribers subscribers;

    @GET
    @Path("/{tally}")
    @Operation(summary = "Benchmark probe: what bench-arrivals or bench-no-op received")
    @APIResponse(responseCode = "200", description = "Counts, first and last arrival (epoch ms), per event id the ms from publish call to observer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"delivered\":1,\"outOfOrder\":0,\"firstAt\":1796637108859,\"lastAt\":1796637108859,\"arrivals\":{\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\":12}}")))
    public Response tally(@PathParam("tally") String name) {
        BenchSubscribers.Tally tally = of(name);
        if (tally == null) {
            return Response.status(404).build();
        }
        StringBuilder body = new StringBuilder().append("{\"delivered\":").append(tally.delivered())
                .append(",\"outOfOrder\":").append(tally.outOfOrder()).append(",\"firstAt\":").append(tally.firstAt())
                .append(",\"lastAt\":").append(tally.lastAt()).append(",\"arrivals\":{");
        boolean first = true;
        for (var arrival : tally.arrivals().entrySet()) {
            body.append(first ? "\"" : ",\"").append(arrival.getKey()).append("\":").append(arrival.getValue());
            first = false;
        }
        return Response.ok(body.append("}}").toString()).build();
    }

    @POST
    @Path("/{tally}/reset")
    @Operation(summary = "Benchmark probe: forget what bench-arrivals or bench-no-op received")
    @APIResponse(responseCode = "204", description = "Reset")
    public Response reset(@PathParam("tally") String name) {
        BenchSubscribers.Tally tally = of(name);
        if (tally == null) {
            return Response.status(404).build();
        }
        tally.reset();
        return Response.noContent().build();
    }

    private BenchSubscribers.Tally of(String name) {
        return switch (name) {
            case "arrivals" -> subscribers.arrivals();
            case "no-op" -> subscribers.noOp();
            default -> null;
        };
    }
}
