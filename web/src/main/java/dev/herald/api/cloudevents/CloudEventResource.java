package dev.herald.api.cloudevents;

import dev.herald.api.auth.Caller;
import dev.herald.api.publish.PublishRequest;
import dev.herald.api.web.BodyIssue;
import dev.herald.api.web.Problem;
import dev.herald.api.web.Problems;
import dev.herald.api.web.RequestProblems;
import dev.herald.auth.Groups;
import dev.herald.catalog.CustomEventService;
import dev.herald.api.tail.SseTailSink;
import dev.herald.cloudevents.CloudEvent;
import dev.herald.cloudevents.CloudEventReader;
import dev.herald.cloudevents.HeraldCloudEvents;
import dev.herald.events.IdempotencyKeyTakenException;
import dev.herald.events.InvalidEventException;
import dev.herald.kernel.WireJson;
import dev.herald.kernel.WireTime;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import dev.herald.schema.SchemaRegistry;
import dev.herald.tail.LiveTail;
import dev.herald.tail.TailFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * CloudEvents 1.0 over HTTP (JSON event format), into the same publisher, transaction, validation and tenancy as
 * {@code POST /api/events}: structured mode ({@code Content-Type: application/cloudevents+json}, the body is the
 * event) or binary mode ({@code ce-*} headers carry the attributes, the {@code application/json} body is the data).
 * A retry of one event (same source and id) is published once. Out: the tenant's live tail as CloudEvents.
 */
@Path("/cloudevents")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CloudEventResource {

    public static final String STRUCTURED = "application/cloudevents+json";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EventPublisher publisher;

    @Inject
    Caller caller;

    @Inject
    CustomEventService customEvents;

    @Inject
    SchemaRegistry schemas;

    @Inject
    LiveTail tail;

    @POST
    @Consumes({STRUCTURED, MediaType.APPLICATION_JSON})
    @Operation(summary = "Publish a CloudEvent 1.0: structured (application/cloudevents+json) or binary (ce-* headers, "
            + "application/json data); type is Herald's event type, data its payload, source+id its idempotency key, subject its aggregate key")
    @Parameter(name = "ce-specversion", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING), description = "binary mode: 1.0", example = "1.0")
    @Parameter(name = "ce-id", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING), description = "binary mode: the event id; with ce-source, publishes once", example = "crm-4711")
    @Parameter(name = "ce-source", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING), description = "binary mode: a URI-reference naming the producer", example = "/crm/tickets")
    @Parameter(name = "ce-type", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING), description = "binary mode: Herald's event type", example = "TICKET_CREATED")
    @Parameter(name = "ce-subject", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING), description = "binary mode (optional): the aggregate key", example = "ticket:3f1c2a9e-0000-4000-8000-000000000001")
    @Parameter(name = "ce-time", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING), description = "binary mode (optional): RFC 3339, checked", example = "2026-05-01T12:00:00Z")
    @Parameter(name = "ce-tenantid", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING), description = "binary mode (optional): must be the caller's tenant", example = "acme")
    @RequestBody(content = {
        @Content(mediaType = STRUCTURED, examples = @ExampleObject(name = "structured",
                value = "{\"specversion\":\"1.0\",\"id\":\"crm-4711\",\"source\":\"/crm/tickets\",\"type\":\"TICKET_CREATED\",\"subject\":\"ticket:3f1c2a9e-0000-4000-8000-000000000001\",\"time\":\"2026-05-01T12:00:00Z\",\"datacontenttype\":\"application/json\",\"tenantid\":\"acme\",\"data\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\"}}")),
        @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "binary",
                value = "{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\"}"))})
    @APIResponse(responseCode = "202", description = "Durable in the broker; Herald's event id and timestamp (a repeated source and id: the first event's)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"timestamp\":\"2024-05-01T12:00:00.123Z\"}")))
    @APIResponse(responseCode = "400", description = "Not a CloudEvent 1.0 (the attribute is named), or an invalid event (issues as for /api/events, pointers into the CloudEvent)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"urn:herald:problem:invalid-cloudevent\",\"title\":\"Invalid CloudEvent\",\"status\":400,\"detail\":\"attribute specversion must be \\\"1.0\\\", was \\\"0.3\\\"\",\"instance\":\"/api/cloudevents\",\"attribute\":\"specversion\",\"issues\":[{\"attribute\":\"specversion\",\"message\":\"must be \\\"1.0\\\", was \\\"0.3\\\"\"}]}")))
    @APIResponse(responseCode = "403", description = "tenantid or data.tenantId names another tenant",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"tenantId globex is not the caller's tenant\",\"instance\":\"/api/cloudevents\"}")))
    public Response publish(@Context HttpHeaders headers, byte[] body) {
        MediaType type = headers.getMediaType();
        boolean structured = type != null && type.isCompatible(MediaType.valueOf(STRUCTURED)) && !type.isWildcardType()
                && !type.isWildcardSubtype();
        boolean binary = type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type) && !type.isWildcardType()
                && !type.isWildcardSubtype();
        if (!structured && !binary) {
            return Problems.response(Problem.of(415, "send a CloudEvent as " + STRUCTURED + " (structured) or application/json with ce-* headers (binary)"));
        }
        JsonValue json;
        try {
            json = body == null || body.length == 0 ? null : WireJson.parse(new String(body, charset(type)));
        } catch (JsonException malformed) {
            // The body guard checks JSON bodies before they get here; this keeps a body it let through a 400 too.
            return Problems.response(RequestProblems.malformedBody(malformed));
        }
        CloudEvent event;
        if (structured) {
            if (!(json instanceof JsonObject object)) {
                return Problems.response(json == null ? Problem.typed(400, "malformed-body", "Malformed body",
                        "a structured CloudEvent is a JSON object; the body is empty")
                        : RequestProblems.malformedShape(new BodyIssue("", "must be an object, was " + json.getValueType().name().toLowerCase(Locale.ROOT))));
            }
            event = CloudEventReader.structured(object);
        } else {
            event = CloudEventReader.binary(headers.getRequestHeaders(), type.toString(), json);
        }
        caller.ownTenant(HeraldCloudEvents.tenant(event).orElse(null));
        DomainEvent mapped = HeraldCloudEvents.toDomainEvent(event);
        DomainEvent inTenant = new PublishRequest(mapped.eventType(), mapped.payload(), mapped.aggregateKey().orElse(null), null,
                mapped.idempotencyKey().orElse(null)).inTenant(caller).toDomainEvent();
        DomainEvent publishable = customEvents.toPublishable(caller.tenant(), List.of(inTenant)).get(0);
        EventEnvelope envelope;
        try {
            envelope = afterLosingAKeyRace(() -> publisher.publish(publishable));
        } catch (InvalidEventException refused) {
            throw HeraldCloudEvents.asCloudEvent(refused);
        }
        return Response.accepted(WireJson.json().createObjectBuilder().add("eventId", envelope.id())
                .add("timestamp", WireTime.text(envelope.timestamp())).build()).build();
    }

    @GET
    @Path("/tail")
    @RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The live tail (SSE) with each event's data a structured CloudEvent; types=A,B filters by event type")
    @Parameter(name = "types", in = ParameterIn.QUERY, description = "event types, comma-separated or repeated (optional)",
            example = "TICKET_CREATED,TICKET_ASSIGNED")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "stream",
                    value = "event: ready\ndata: {\"tenantId\":\"2f281f27-f782-3d33-8ba0-c22cb03f530d\",\"types\":[\"TICKET_CREATED\"]}\n\nevent: TICKET_CREATED\nid: 0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\ndata: {\"specversion\":\"1.0\",\"id\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"source\":\"/herald/tenants/2f281f27-f782-3d33-8ba0-c22cb03f530d\",\"type\":\"TICKET_CREATED\",\"time\":\"2026-12-01T12:00:00.000Z\",\"datacontenttype\":\"application/json\",\"dataschema\":\"http://localhost:9080/api/schemas/payload.TicketCreated.v1\",\"tenantid\":\"2f281f27-f782-3d33-8ba0-c22cb03f530d\",\"data\":{}}\n\n: keep-alive\n")))
    public void tail(@QueryParam("types") List<String> types, @Context SseEventSink sink, @Context Sse sse, @Context UriInfo uri) {
        TailFilter filter = TailFilter.of(caller.tenant(), types);
        URI base = uri.getBaseUri();
        tail.open(filter, new SseTailSink(sink, sse, WRITE_TIMEOUT, new CloudEventTailData(
                eventType -> schemas.refForEventType(eventType).map(ref -> base.resolve("schemas/" + ref)))));
    }

    /** As {@code POST /api/events}: a concurrent request took the key first, so publishing again answers with its event. */
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

    /** The guard (RequestBodyGuard) has already refused a charset this JVM does not know. */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    }
}
