package dev.herald.api.relay;

import dev.herald.relay.RelayedStreams;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;

/**
 * The newest entries of a per-type stream, as the relay wrote them. An operator's tool: it shows every tenant's
 * events, so it must become admin-only once authentication exists.
 */
@Path("/relay/streams")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class RelayedStreamsResource {

    @Inject
    RelayedStreams streams;

    @GET
    @Path("/{eventType}")
    @Operation(summary = "Newest entries of the per-type stream of an event type")
    @Parameter(name = "channel", in = ParameterIn.QUERY, description = "the channel", example = "global")
    @Parameter(name = "count", in = ParameterIn.QUERY, description = "entries, 1 to 100", example = "10")
    @APIResponse(responseCode = "200", description = "The newest entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"stream\":\"alga-psa:event-stream:global:TICKET_CREATED\",\"length\":1,\"entries\":[{\"id\":\"1714564800000-0\",\"fields\":{\"event\":\"{...envelope...}\",\"channel\":\"global\"}}]}")))
    public RelayedStreams.Tail tail(@PathParam("eventType") String eventType,
                                    @QueryParam("channel") @DefaultValue("global") String channel,
                                    @QueryParam("count") @DefaultValue("10") int count) {
        return streams.tail(channel, eventType, Math.max(1, Math.min(count, 100)));
    }
}
