package dev.herald.api.tail;

import dev.herald.tail.LiveTail;
import dev.herald.tail.TailFilter;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The live tail: the caller's tenant's events as they are published, as Server-Sent Events ({@code event:} the type,
 * {@code id:} the event id, {@code data:} one line of JSON), after a {@code ready} event that says the subscription
 * is live, with a keep-alive comment when nothing happened for a while. Best effort, like the pub/sub channels it
 * reads: a client that falls behind is disconnected, and events published while it was away are on the streams.
 */
@Path("/tail")
@RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
public class TailResource {

    /** A write that takes longer means the client stopped reading: its connection is closed. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Caller caller;

    @Inject
    LiveTail tail;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream the tenant's events as they are published (SSE); types=A,B filters by event type")
    @Parameter(name = "types", in = ParameterIn.QUERY, description = "event types, comma-separated or repeated (optional)",
            example = "TICKET_CREATED,TICKET_ASSIGNED")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "stream",
                    value = "event: ready\ndata: {\"tenantId\":\"acme\",\"types\":[\"TICKET_CREATED\"]}\n\nevent: TICKET_CREATED\nid: 0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\ndata: {\"id\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventType\":\"TICKET_CREATED\",\"timestamp\":\"2026-12-01T12:00:00.000Z\",\"tenantId\":\"acme\",\"payload\":{}}\n\n: keep-alive\n")))
    public void tail(@QueryParam("types") List<String> types, @Context SseEventSink sink, @Context Sse sse) {
        // Both checks throw before the stream starts, so a refusal is an ordinary JSON error response.
        TailFilter filter = TailFilter.of(caller.tenant(), types);
        tail.open(filter, new SseTailSink(sink, sse, WRITE_TIMEOUT));
    }
}
