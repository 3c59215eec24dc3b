package dev.herald.api.relay;

import dev.herald.kernel.WireJson;
import dev.herald.relay.FailedEvent;
import dev.herald.relay.RelayFailure;
import dev.herald.relay.RelayFailures;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.api.web.Problems;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;

/** Events the relay failed to write: their attempts and last error, and a replay. An operator's tool. */
@Path("/relay/failed")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class RelayFailuresResource {

    @Inject
    RelayFailures failures;

    @GET
    @Operation(summary = "Failed events, newest first; status RETRYING, DEAD_LETTERED or REPLAYED")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "RETRYING, DEAD_LETTERED or REPLAYED", example = "DEAD_LETTERED")
    @APIResponse(responseCode = "200", description = "Failed events, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"items\":[{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventType\":\"TICKET_CREATED\",\"status\":\"DEAD_LETTERED\",\"attempts\":10,\"channels\":\"global\",\"tenantId\":\"acme\",\"firstFailedAt\":\"2024-05-01T12:00:00Z\",\"lastFailedAt\":\"2024-05-01T12:05:00Z\",\"lastError\":\"Redis unavailable\"}]}")))
    public Response list(@QueryParam("status") String status) {
        Optional<FailedEvent.Status> filter;
        try {
            filter = status == null || status.isBlank() ? Optional.empty() : Optional.of(FailedEvent.Status.valueOf(status));
        } catch (IllegalArgumentException e) {
            return Problems.badRequest("status must be one of " + Arrays.toString(FailedEvent.Status.values()));
        }
        JsonArrayBuilder items = WireJson.json().createArrayBuilder();
        failures.list(filter).forEach(f -> items.add(json(f)));
        return Response.ok(WireJson.json().createObjectBuilder().add("items", items).build()).build();
    }

    @GET
    @Path("/{eventId}")
    @Parameter(name = "eventId", in = ParameterIn.PATH, description = "the failed event's id", example = "0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b")
    @APIResponse(responseCode = "200", description = "One failed event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventType\":\"TICKET_CREATED\",\"status\":\"DEAD_LETTERED\",\"attempts\":10,\"channels\":\"global\",\"tenantId\":\"acme\",\"firstFailedAt\":\"2024-05-01T12:00:00Z\",\"lastFailedAt\":\"2024-05-01T12:05:00Z\",\"lastError\":\"Redis unavailable\"}")))
    @APIResponse(responseCode = "404", description = "Not Found",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no failed event 0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"instance\":\"/api/relay/failed/0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"}")))
    public Response get(@PathParam("eventId") String eventId) {
        return failures.find(eventId).map(f -> Response.ok(json(f)).build())
                .orElseGet(() -> Problems.notFound("no failed event " + eventId));
    }

    @POST
    @Path("/{eventId}/replay")
    @Operation(summary = "Hand a failed event to the relay again; it is written once on every stream that lacks it")
    @Parameter(name = "eventId", in = ParameterIn.PATH, description = "the failed event's id", example = "0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b")
    @APIResponse(responseCode = "202", description = "Handed to the relay again")
    @APIResponse(responseCode = "404", description = "Not Found",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no failed event 0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"instance\":\"/api/relay/failed/0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b/replay\"}")))
    public Response replay(@PathParam("eventId") String eventId) {
        return failures.replay(eventId) ? Response.accepted().build() : Problems.notFound("no failed event " + eventId);
    }

    private static JsonObject json(RelayFailure f) {
        JsonObjectBuilder json = WireJson.json().createObjectBuilder()
                .add("eventId", f.eventId())
                .add("eventType", f.eventType())
                .add("status", f.status().name())
                .add("attempts", f.attempts())
                .add("channels", f.channels())
                .add("firstFailedAt", f.firstFailedAt().toString())
                .add("lastFailedAt", f.lastFailedAt().toString());
        optional(json, "tenantId", f.tenantId());
        optional(json, "lastError", f.lastError());
        optional(json, "deadLetteredAt", f.deadLetteredAt());
        optional(json, "replayedAt", f.replayedAt());
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value instanceof Instant i ? i.toString() : value.toString());
        }
    }
}
