package dev.herald.api.publish;

import dev.herald.kernel.WireJson;
import dev.herald.kernel.WireTime;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import dev.herald.events.IdempotencyKeyTakenException;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import dev.herald.catalog.CustomEventService;
import dev.herald.api.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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

    @Inject
    CustomEventService customEvents;

    @POST
    @Operation(summary = "Publish one event (validated against its schema; optional aggregateKey, channels, idempotencyKey)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "event",
            value = "{\"eventType\":\"TICKET_CREATED\",\"channels\":[\"global\",\"internal-notifications\"],\"idempotencyKey\":\"demo-1\",\"payload\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\"}}")))
    @APIResponse(responseCode = "202", description = "Durable in the broker; its id and timestamp",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"timestamp\":\"2024-05-01T12:00:00.123Z\"}")))
    @APIResponse(responseCode = "400", description = "Invalid event",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"urn:herald:problem:invalid-event\",\"title\":\"Invalid event\",\"status\":400,\"detail\":\"2 issue(s) with event TICKET_CREATED\",\"instance\":\"/api/events\",\"eventType\":\"TICKET_CREATED\",\"issues\":[{\"pointer\":\"/payload/ticketId\",\"message\":\"not a uuid\"},{\"pointer\":\"/payload/actorType\",\"message\":\"not one of USER, CONTACT, SYSTEM\"}]}")))
    public Response publish(PublishRequest request) {
        if (request == null) {
            return Problems.badRequest("an event is required");
        }
        DomainEvent event = publishable(List.of(request)).get(0);
        EventEnvelope envelope = afterLosingAKeyRace(() -> publisher.publish(event));
        return Response.accepted(WireJson.json().createObjectBuilder().add("eventId", envelope.id())
                .add("timestamp", WireTime.text(envelope.timestamp())).build()).build();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Publish many events in one transaction: all or none")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "batch",
            value = "[{\"eventType\":\"TICKET_CREATED\",\"channels\":[\"global\",\"internal-notifications\"],\"idempotencyKey\":\"demo-1\",\"payload\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\"}},{\"eventType\":\"TICKET_ASSIGNED\",\"aggregateKey\":\"ticket:3f1c2a9e-0000-4000-8000-000000000001\",\"payload\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"userId\":\"6b0f4a52-2222-4000-8000-000000000003\"}}]")))
    @APIResponse(responseCode = "202", description = "Every event durable in the broker, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"1f7a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]}")))
    public Response publishBatch(List<PublishRequest> requests) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
            return Problems.badRequest("a batch holds 1 to " + MAX_BATCH + " events");
        }
        List<DomainEvent> events = publishable(requests);
        List<EventEnvelope> envelopes = afterLosingAKeyRace(() -> publisher.publishAll(events));
        JsonArrayBuilder ids = WireJson.json().createArrayBuilder();
        envelopes.forEach(e -> ids.add(e.id()));
        return Response.accepted(WireJson.json().createObjectBuilder().add("eventIds", ids).build()).build();
    }

    /**
     * Publishes once more when a concurrent request took an idempotency key first: the publisher then finds the key
     * and answers with that request's event, so both clients get the one event id. A second loss (the winner rolled
     * back and yet another request took the key) is answered as a conflict.
     */
    private static <T> T afterLosingAKeyRace(Supplier<T> publishing) {
        try {
            return publishing.get();
        } catch (IdempotencyKeyTakenException lost) {
            try {
                return publishing.get();
            } catch (RuntimeException again) {
                again.addSuppressed(lost);
                throw again;
            }
        }
    }

    /**
     * In the caller's tenant; a tenant's custom type travels as CUSTOM_EVENT. A null stays null: the publisher names
     * its index.
     */
    private List<DomainEvent> publishable(List<PublishRequest> requests) {
        List<DomainEvent> events = new ArrayList<>(requests.size());
        for (PublishRequest request : requests) {
            events.add(request == null ? null : request.inTenant(caller).toDomainEvent());
        }
        return customEvents.toPublishable(caller.tenant(), events);
    }
}
