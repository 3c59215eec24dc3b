package dev.herald.relay;

import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.web.Problems;
import jakarta.inject.Inject;
import jakarta.json.Json;
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

/** Events the relay failed to write: their attempts and last error, and a replay. An operator's tool. */
@Path("/relay/failed")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class RelayFailuresResource {

    @Inject
    RelayFailures failures;

    @GET
    @Operation(summary = "Failed events, newest first; status RETRYING, DEAD_LETTERED or REPLAYED")
    public Response list(@QueryParam("status") String status) {
        Optional<FailedEvent.Status> filter;
        try {
            filter = status == null || status.isBlank() ? Optional.empty() : Optional.of(FailedEvent.Status.valueOf(status));
        } catch (IllegalArgumentException e) {
            return Problems.badRequest("status must be one of " + Arrays.toString(FailedEvent.Status.values()));
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        failures.list(filter).forEach(f -> items.add(json(f)));
        return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
    }

    @GET
    @Path("/{eventId}")
    public Response get(@PathParam("eventId") String eventId) {
        return failures.find(eventId).map(f -> Response.ok(json(f)).build())
                .orElseGet(() -> Problems.notFound("no failed event " + eventId));
    }

    @POST
    @Path("/{eventId}/replay")
    @Operation(summary = "Hand a failed event to the relay again; it is written once on every stream that lacks it")
    public Response replay(@PathParam("eventId") String eventId) {
        return failures.replay(eventId) ? Response.accepted().build() : Problems.notFound("no failed event " + eventId);
    }

    private static JsonObject json(FailedEvent f) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("eventId", f.getEventId())
                .add("eventType", f.getEventType())
                .add("status", f.getStatus().name())
                .add("attempts", f.getAttempts())
                .add("channels", f.getChannels())
                .add("firstFailedAt", f.getFirstFailedAt().toString())
                .add("lastFailedAt", f.getLastFailedAt().toString());
        optional(json, "tenantId", f.getTenantId());
        optional(json, "lastError", f.getLastError());
        optional(json, "deadLetteredAt", f.getDeadLetteredAt());
        optional(json, "replayedAt", f.getReplayedAt());
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value instanceof Instant i ? i.toString() : value.toString());
        }
    }
}
