package dev.herald.api.workflow;

import dev.herald.workflow.WorkflowStreamConsumer;
import dev.herald.auth.Groups;
import dev.herald.redis.DeadLetters;
import dev.herald.api.web.DeadLetterReplies;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The workflow stream's dead letters (entries the trigger consumer gave up on) and their replay. The stream carries
 * every tenant's events, so this is for platform operators only.
 */
@Path("/workflows/stream")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowStreamResource {

    @Inject
    WorkflowStreamConsumer consumer;

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Dead letters of the workflow stream, oldest first: the entry's fields plus sourceStream,"
            + " sourceMessageId, deliveries, deadLetteredAt and reason")
    @Parameter(name = "count", in = ParameterIn.QUERY, description = "entries, 1 to 1000", example = "100")
    @APIResponse(responseCode = "200", description = "The dead letters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"stream\":\"workflow:events:global\",\"deadLetterStream\":\"workflow:events:global:dead-letter\",\"entries\":[{\"id\":\"1714564800000-0\",\"fields\":{\"event_id\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"event_type\":\"TICKET_CREATED\",\"tenant\":\"acme\",\"deliveries\":\"5\",\"reason\":\"failed at delivery 5 of 5: PersistenceException: ...\"}}]}")))
    public DeadLetters.Page deadLetters(@QueryParam("count") @DefaultValue("100") int count) {
        return consumer.deadLetters(count);
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @Operation(summary = "Write a dead letter back to the workflow stream, where the trigger consumer reads it again;"
            + " triggers derive their ids from the event id, so what it had done before is not done twice")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the dead letter's stream entry id", example = "1714564800000-0")
    @APIResponse(responseCode = "202", description = "Written back to the workflow stream",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"stream\":\"workflow:events:global\",\"entryId\":\"1714564900000-0\"}")))
    public Response replay(@PathParam("id") String id) {
        return DeadLetterReplies.replay(consumer.streamKey(), id, consumer::replayDeadLetter);
    }
}
