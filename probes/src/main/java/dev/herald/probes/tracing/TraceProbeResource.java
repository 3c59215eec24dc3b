package dev.herald.probes.tracing;

import dev.herald.auth.Groups;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The spans of the traces that an event took part in ({@code GET /probes/traces/{eventId}}): every span recorded in
 * a trace that has a span naming the event, whatever its name.
 */
@Path("/traces")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class TraceProbeResource {

    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("herald.event.id");

    @GET
    @Path("/{eventId}")
    @APIResponse(responseCode = "200", description = "Test probe: the recorded spans of the event's traces")
    public Response spansOf(@PathParam("eventId") String eventId) {
        List<SpanData> recorded = ProbeSpanExporter.recorded();
        Set<String> traces = recorded.stream().filter(span -> eventId.equals(span.getAttributes().get(EVENT_ID)))
                .map(SpanData::getTraceId).collect(Collectors.toSet());
        JsonArrayBuilder spans = Json.createArrayBuilder();
        recorded.stream().filter(span -> traces.contains(span.getTraceId())).forEach(span -> spans.add(
                Json.createObjectBuilder().add("name", span.getName()).add("traceId", span.getTraceId())
                        .add("spanId", span.getSpanId()).add("parentSpanId", span.getParentSpanId())
                        .add("kind", span.getKind().name())
                        .add("eventId", String.valueOf(span.getAttributes().get(EVENT_ID)))));
        return Response.ok(spans.build()).build();
    }
}
