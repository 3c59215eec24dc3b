package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedis;
import dev.herald.redis.StreamIdText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Workflows driven by published domain events: POST /api/events, the real relay writes the workflow stream, and
 * the workflow runtime's consumer group reads it. A TICKET_CREATED starts a ticket-lifecycle execution correlated by
 * the ticket id, a later event for that ticket resumes it, and an event published before any execution waits for it
 * is kept and delivered when one starts. With Redis stopped and started again, triggers go on by themselves. An
 * entry that keeps failing is dead-lettered, listed for operators and replayed.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowTriggerIT {

    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final String WORKFLOW_STREAM = "workflow:events:global";

    private final String tenant = UUID.randomUUID().toString();
    private final HeraldClient herald = HeraldClient.of(tenant);
    private final WorkflowApi workflows = new WorkflowApi(tenant);

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void publishedTicketCreatedStartsATicketLifecycleExecutionCorrelatedByTheTicket() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String eventId = publish("TICKET_CREATED", ticketPayload(ticket));

        JsonObject execution = executionOf(ticket);
        assertEquals(WorkflowApi.LIFECYCLE, execution.getString("workflowName"));
        assertEquals("open", execution.getJsonObject("state").getString("currentState"));
        assertEquals(ticket, execution.getJsonObject("state").getJsonObject("data").getString("ticketId"),
                "the event's payload is the execution's initial data");
        List<JsonObject> journal = workflows.journal(execution.getString("executionId"));
        assertEquals(eventId + "/start/" + WorkflowApi.LIFECYCLE, journal.get(0).getString("eventId"));
        Thread.sleep(1_000);
        assertEquals(1, workflows.correlatedWith(ticket).size(), "one execution per event");
    }

    @Test
    void correlatedEventResumesTheWaitingExecution() throws Exception {
        String ticket = UUID.randomUUID().toString();
        publish("TICKET_CREATED", ticketPayload(ticket));
        String execution = executionOf(ticket).getString("executionId");
        String assignee = UUID.randomUUID().toString();

        String assignedId = publish("TICKET_ASSIGNED", ticketPayload(ticket).add("assignedToUserId", assignee));

        JsonObject state = Eventually.await("the execution assigned", PIPELINE, () -> {
            JsonObject current = WorkflowApi.unchecked(() -> workflows.current(execution));
            return current != null && current.getString("currentState").equals("assigned") ? current : null;
        });
        assertEquals(assignee, state.getJsonObject("data").getString("assignedToUserId"));
        assertEquals(1, state.getInt("sequence"));
        assertEquals(assignedId + "@" + execution, workflows.journal(execution).get(1).getString("eventId"));
    }

    @Test
    void eventPublishedBeforeItsExecutionExistsIsBufferedAndDeliveredWhenTheExecutionStarts() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String assignee = UUID.randomUUID().toString();
        String assignedId = publish("TICKET_ASSIGNED", ticketPayload(ticket).add("assignedToUserId", assignee));

        JsonObject early = Eventually.await("the early event kept", PIPELINE, () -> {
            List<JsonObject> kept = WorkflowApi.unchecked(workflows::earlyEvents);
            return kept == null || kept.isEmpty() ? null : kept.get(0);
        });
        assertEquals(assignedId, early.getString("eventId"));
        assertEquals(ticket, early.getString("correlationKey"));
        assertEquals(List.of(), workflows.correlatedWith(ticket), "nothing started by an assignment");

        publish("TICKET_CREATED", ticketPayload(ticket));
        String execution = executionOf(ticket).getString("executionId");
        JsonObject state = Eventually.await("the early event delivered", PIPELINE, () -> {
            JsonObject current = WorkflowApi.unchecked(() -> workflows.current(execution));
            return current != null && current.getInt("sequence") == 1 ? current : null;
        });
        assertEquals("assigned", state.getString("currentState"));
        assertEquals(assignee, state.getJsonObject("data").getString("assignedToUserId"));
        assertTrue(workflows.earlyEvents().isEmpty(), "delivered events leave the buffer");
    }

    @Test
    void triggersResumeByThemselvesWhenRedisComesBack() throws Exception {
        String ticket = UUID.randomUUID().toString();
        DevRedis server = DevServicesSession.services().redis();
        server.stop();
        try {
            publish("TICKET_CREATED", ticketPayload(ticket));
            Thread.sleep(2_000); // the consumer's reads fail meanwhile, and so do the relay's writes
        } finally {
            server.start();
        }
        JsonObject execution = executionOf(ticket);
        assertEquals("open", execution.getJsonObject("state").getString("currentState"));
    }

    @Test
    void workflowStreamEntryThatKeepsFailingIsDeadLetteredAndAnOperatorSeesAndReplaysIt() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        String unusableMarker = UUID.randomUUID().toString();
        try (RedisProbe redis = new RedisProbe()) {
            RStream<String, String> stream = redis.client().getStream(WORKFLOW_STREAM, StringCodec.INSTANCE);
            // A tenant longer than the database column: every transaction the trigger opens for it fails.
            stream.add(StreamAddArgs.entries(workflowEntry(poisonId, "t".repeat(100), "{\"ticketId\":\"" + poisonId + "\"}")));
            Map<String, String> unusable = workflowEntry("", tenant, "{\"marker\":\"" + unusableMarker + "\"}");
            stream.add(StreamAddArgs.entries(unusable));
        }
        HeraldClient operator = HeraldClient.operator();

        JsonObject poisoned = deadLetterWith(operator, "event_id", poisonId, null);
        JsonObject fields = poisoned.getJsonObject("fields");
        assertEquals("3", fields.getString("deliveries"), "herald.workflow.stream-max-deliveries of the IT server");
        assertTrue(fields.getString("reason").startsWith("failed at delivery 3 of 3: "), fields.toString());
        assertEquals(WORKFLOW_STREAM, fields.getString("sourceStream"));
        JsonObject unusableLetter = deadLetterWith(operator, "payload_json", "{\"marker\":\"" + unusableMarker + "\"}", null)
                .getJsonObject("fields");
        assertEquals("unusable: the entry has no event_id", unusableLetter.getString("reason"), "dead-lettered at once");

        HeraldClient.Reply replayed = operator.post("api/workflows/stream/dead-letters/" + poisoned.getString("id")
                + "/replay", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(202, replayed.status(), replayed.body());
        String entryId = replayed.json().getString("entryId");
        try (RedisProbe redis = new RedisProbe()) {
            Map<String, String> written = redis.client().<String, String>getStream(WORKFLOW_STREAM, StringCodec.INSTANCE)
                    .range(StreamIdText.parse(entryId), StreamIdText.parse(entryId)).values().iterator().next();
            assertEquals(poisonId, written.get("event_id"));
            assertTrue(!written.containsKey("reason") && !written.containsKey("deliveries"), "the original fields only");
        }
        // Still failing: read as a new entry, it is dead-lettered again after its deliveries, under a new id.
        deadLetterWith(operator, "event_id", poisonId, poisoned.getString("id"));

        assertEquals(404, operator.post("api/workflows/stream/dead-letters/" + poisoned.getString("id") + "/replay",
                JsonValue.EMPTY_JSON_OBJECT).status(), "a dead letter is replayed once");
        assertEquals(400, operator.post("api/workflows/stream/dead-letters/not-an-id/replay", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(403, herald.get("api/workflows/stream/dead-letters").status(), "every tenant's entries: operators only");
    }

    /** A workflow-stream entry as the relay writes it (wire-format.md section 3). */
    private static Map<String, String> workflowEntry(String eventId, String tenant, String payloadJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", eventId);
        fields.put("execution_id", "");
        fields.put("workflow_correlation_key", "");
        fields.put("event_name", "TICKET_CREATED");
        fields.put("event_type", "TICKET_CREATED");
        fields.put("tenant", tenant);
        fields.put("timestamp", "2026-12-02T10:00:00.000Z");
        fields.put("user_id", "");
        fields.put("from_state", "");
        fields.put("to_state", "");
        fields.put("payload_json", payloadJson);
        return fields;
    }

    /** The first dead letter of the workflow stream whose field has this value, other than {@code except}. */
    private static JsonObject deadLetterWith(HeraldClient operator, String field, String value, String except)
            throws InterruptedException {
        return Eventually.await("a workflow-stream dead letter with " + field + " " + value, Duration.ofSeconds(60), () -> {
            HeraldClient.Reply page = WorkflowApi.unchecked(() -> operator.get("api/workflows/stream/dead-letters?count=1000"));
            if (page == null || page.status() != 200) {
                return null;
            }
            return page.json().getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                    .filter(letter -> value.equals(letter.getJsonObject("fields").getString(field, null)))
                    .filter(letter -> !letter.getString("id").equals(except))
                    .findFirst().orElse(null);
        });
    }

    private JsonObjectBuilder ticketPayload(String ticket) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", ticket);
    }

    /** Publishes through the public API; returns the event id. */
    private String publish(String type, JsonObjectBuilder payload) throws Exception {
        HeraldClient.Reply reply = herald.post("api/events", Json.createObjectBuilder().add("eventType", type)
                .add("payload", payload).build());
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("eventId");
    }

    private JsonObject executionOf(String ticket) throws InterruptedException {
        return Eventually.await("an execution correlated with ticket " + ticket, PIPELINE, () -> {
            List<JsonObject> found = WorkflowApi.unchecked(() -> workflows.correlatedWith(ticket));
            return found == null || found.isEmpty() ? null : found.get(0);
        });
    }
}
