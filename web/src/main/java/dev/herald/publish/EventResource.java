package dev.herald.publish;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import dev.herald.web.Problems;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Publishes events over HTTP through the same publisher business code uses, in the caller's tenant: a payload without
 * {@code tenantId} gets the caller's, one naming another tenant is refused with 403. An invalid event answers 400
 * with every issue; an accepted one answers 202 with its id once it is durable in the broker.
 */
@Path("/events")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    public static final int MAX_BATCH = 1000;

    @Inject
    EventPublisher publisher;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Publish one event (validated against its schema; optional aggregateKey, channels, idempotencyKey)")
    public Response publish(PublishRequest request) {
        if (request == null) {
            return Problems.badRequest("an event is required");
        }
        EventEnvelope envelope = publisher.publish(request.inTenant(caller).toDomainEvent());
        return Response.accepted(Json.createObjectBuilder().add("eventId", envelope.id())
                .add("timestamp", EnvelopeJson.timestamp(envelope.timestamp())).build()).build();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Publish many events in one transaction: all or none")
    public Response publishBatch(List<PublishRequest> requests) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
            return Problems.badRequest("a batch holds 1 to " + MAX_BATCH + " events");
        }
        List<EventEnvelope> envelopes = publisher.publishAll(requests.stream().map(r -> r.inTenant(caller).toDomainEvent()).toList());
        JsonArrayBuilder ids = Json.createArrayBuilder();
        envelopes.forEach(e -> ids.add(e.id()));
        return Response.accepted(Json.createObjectBuilder().add("eventIds", ids).build()).build();
    }
}
