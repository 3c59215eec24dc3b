package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.contract.ConsumerContract;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One trace follows an event from the HTTP publish through the broker and the relay to Redis and on to the workflow
 * trigger: the test server runs with OpenTelemetry on, exporting to the probes' in-memory exporter
 * (src/test/liberty/overrides/tracing-it.xml), read at {@code /probes/traces/{eventId}}.
 */
class TracingIT extends RedisPipelineTestBase {

    private static final Duration EXPORTED = Duration.ofSeconds(30);

    @Test
    void oneTraceSpansTheHttpPublishTheRelayAndTheWorkflowTrigger() throws Exception {
        HeraldClient.Reply published = herald.post("api/events", Events.ticketCreated(tenant).build());
        assertEquals(202, published.status(), published.body());
        String eventId = published.json().getString("eventId");

        Map<String, String> entry = awaitEntry(TICKET_CREATED_STREAM, eventId);
        String traceparent = entry.get("traceparent");
        assertNotNull(traceparent, "the stream entry carries the trace context: " + entry);
        assertEquals(List.of(), ConsumerContract.envelopeViolations(entry.get("event")), "the envelope is unchanged");
        Map<String, String> workflowEntry = workflowEntriesOf(tenant).stream()
                .filter(e -> eventId.equals(e.get("event_id"))).findFirst().orElseThrow();
        assertEquals(traceparent, workflowEntry.get("traceparent"), "the workflow entry carries the same context");
        assertEquals(List.of(), ConsumerContract.workflowEntryViolations(workflowEntry),
                "the workflow worker still accepts the entry with the extra field");

        HeraldClient operator = HeraldClient.operator();
        List<JsonObject> spans = Eventually.await("the spans of " + eventId, EXPORTED, () -> {
            try {
                List<JsonObject> found = operator.get("probes/traces/" + eventId).jsonArray().getValuesAs(JsonObject.class);
                Set<String> names = found.stream().map(s -> s.getString("name")).collect(Collectors.toSet());
                return names.containsAll(Set.of("herald relay", "herald workflow trigger")) ? found : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(spans.stream().anyMatch(s -> s.getString("name").equals("herald publish")),
                "the publish span is in the trace of the relay and the trigger: " + spans);
        Set<String> traceIds = spans.stream().map(s -> s.getString("traceId")).collect(Collectors.toSet());
        assertEquals(1, traceIds.size(), "one trace: " + spans);
        String traceId = traceIds.iterator().next();
        assertEquals(traceId, traceparent.split("-")[1], "the entry's context is of that trace");

        JsonObject server = spans.stream().filter(s -> s.getString("kind").equals("SERVER")).findFirst()
                .orElseThrow(() -> new AssertionError("no HTTP server span in " + spans));
        JsonObject publish = named(spans, "herald publish");
        JsonObject relay = named(spans, "herald relay");
        JsonObject trigger = named(spans, "herald workflow trigger");
        assertEquals(server.getString("spanId"), publish.getString("parentSpanId"), "publish runs in the request");
        assertEquals(publish.getString("spanId"), relay.getString("parentSpanId"), "the relay continues the publish");
        assertEquals(relay.getString("spanId"), trigger.getString("parentSpanId"), "the trigger continues the relay");
        assertEquals(relay.getString("spanId"), traceparent.split("-")[2], "Redis carries the relay's span");
        assertTrue(relay.getString("eventId").equals(eventId) && trigger.getString("eventId").equals(eventId));
    }

    private static JsonObject named(List<JsonObject> spans, String name) {
        return spans.stream().filter(s -> s.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }
}
