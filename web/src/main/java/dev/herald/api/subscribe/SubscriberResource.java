package dev.herald.api.subscribe;

import dev.herald.subscribe.SubscriberRuntime;
import dev.herald.auth.Groups;
import dev.herald.redis.DeadLetters;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.api.web.DeadLetterReplies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/**
 * The subscribers as an operator sees them, and the dead letters of a per-type stream with their replay. It shows
 * every tenant's events, so it is for platform operators only.
 */
@Path("/subscribe")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriberResource {

    @Inject
    SubscriberRuntime runtime;

    @GET
    @Operation(summary = "The discovered subscribers, the streams consumed, the consumer name and the last error")
    @APIResponse(responseCode = "200", description = "The subscriber runtime",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"group\":\"event-processors\",\"consumer\":\"host:heraldServer\",\"subscriptions\":[],\"streams\":[\"alga-psa:event-stream:global:TICKET_ASSIGNED\"],\"running\":true}")))
    public SubscriberRuntime.Status status() {
        return runtime.status();
    }

    @GET
    @Path("/dead-letters/{eventType}")
    @Operation(summary = "Dead letters of the per-type stream of an event type, oldest first")
    @Parameter(name = "channel", in = ParameterIn.QUERY, description = "the channel", example = "global")
    @Parameter(name = "count", in = ParameterIn.QUERY, description = "entries, 1 to 1000", example = "100")
    @APIResponse(responseCode = "200", description = "The dead letters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"stream\":\"alga-psa:event-stream:global:TICKET_ASSIGNED\",\"deadLetterStream\":\"alga-psa:event-stream:global:TICKET_ASSIGNED:dead\",\"entries\":[{\"id\":\"1714564800000-0\",\"fields\":{\"event\":\"{...}\"}}]}")))
    public DeadLetters.Page deadLetters(@PathParam("eventType") String eventType,
                                      @QueryParam("channel") @DefaultValue("global") String channel,
                                      @QueryParam("count") @DefaultValue("100") int count) {
        String stream = runtime.streamOf(channel, eventType);
        return runtime.deadLetters().page(stream, count);
    }

    @POST
    @Path("/dead-letters/{eventType}/{id}/replay")
    @Operation(summary = "Write a dead letter back to its stream; subscribers that handled the event before skip it")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the dead letter's stream entry id", example = "1714564800000-0")
    @APIResponse(responseCode = "202", description = "Written back to its stream",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"stream\":\"alga-psa:event-stream:global:TICKET_ASSIGNED\",\"entryId\":\"1714564900000-0\"}")))
    public Response replay(@PathParam("eventType") String eventType, @PathParam("id") String id,
                           @QueryParam("channel") @DefaultValue("global") String channel) {
        String stream = runtime.streamOf(channel, eventType);
        return DeadLetterReplies.replay(stream, id, letter -> runtime.deadLetters().replay(stream, letter));
    }
}
