package dev.herald.relay;

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
    public RelayedStreams.Tail tail(@PathParam("eventType") String eventType,
                                    @QueryParam("channel") @DefaultValue("global") String channel,
                                    @QueryParam("count") @DefaultValue("10") int count) {
        return streams.tail(channel, eventType, Math.max(1, Math.min(count, 100)));
    }
}
