package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The thin slice through the real pipeline: REST, an EJB that persists a ticket and publishes TICKET_CREATED,
 * the JMS send inside the JTA transaction, the relay MDB, and Redis in the existing wire format.
 */
class TicketEventRelayIT extends RedisPipelineTestBase {

    private static final String TYPE_STREAM = Events.TICKET_CREATED_STREAM;
    private static final String WORKFLOW_STREAM = "workflow:events:global";

    @Test
    void committedTicketReachesTypeStreamWorkflowStreamAndChannel() throws Exception {
        BlockingQueue<String> channel = redis.subscribe("event::TICKET_CREATED");

        HeraldClient.Reply reply = herald.post("api/tickets", ticket(tenant, "T-1", "Printer on fire"));
        assertEquals(201, reply.status(), reply.body());
        String eventId = reply.json().getString("eventId");
        String ticketId = reply.json().getString("ticketId");

        Map<String, String> entry = awaitEntry(TYPE_STREAM, eventId);
        assertEquals("global", entry.get("channel"));
        JsonObject envelope = parse(entry.get("event"));
        assertEquals("TICKET_CREATED", envelope.getString("eventType"));
        assertEquals(eventId, envelope.getString("id"));
        assertTrue(envelope.getString("timestamp").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"),
                envelope.getString("timestamp"));
        JsonObject payload = envelope.getJsonObject("payload");
        assertEquals(tenant, payload.getString("tenantId"));
        assertEquals(ticketId, payload.getString("ticketId"));
        assertTrue(payload.containsKey("occurredAt"));

        Map<String, String> flow = Eventually.await("the event on " + WORKFLOW_STREAM, PIPELINE,
                () -> redis.entries(WORKFLOW_STREAM).stream().filter(e -> eventId.equals(e.get("event_id"))).findFirst().orElse(null));
        assertEquals("TICKET_CREATED", flow.get("event_type"));
        assertEquals(tenant, flow.get("tenant"));
        assertEquals(payload, parse(flow.get("payload_json")));

        JsonObject tail = operator.get("api/relay/streams/TICKET_CREATED?count=100").json();
        assertEquals(TYPE_STREAM, tail.getString("stream"));
        assertTrue(tail.getJsonArray("entries").stream().anyMatch(e -> e.asJsonObject().getJsonObject("fields")
                .getString("event").contains(eventId)), "the operator's view of the stream shows the event");

        String published = channel.poll(PIPELINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(envelope, published == null ? null : parse(published), "the same envelope on the pub/sub channel");
        assertTwoPhaseCommitOnPostgres();
    }

    @Test
    void rolledBackTicketPublishesNothing() throws Exception {
        BlockingQueue<String> channel = redis.subscribe("event::TICKET_CREATED");

        assertEquals(201, herald.post("api/tickets", ticket(tenant, "T-1", "first")).status());
        HeraldClient.Reply rejected = herald.post("api/tickets", ticket(tenant, "T-1", "same number: rolled back"));
        assertEquals(409, rejected.status(), rejected.body());
        HeraldClient.Reply barrier = herald.post("api/tickets", ticket(tenant, "T-2", "published after the rollback"));
        assertEquals(201, barrier.status());
        String barrierId = barrier.json().getString("eventId");

        awaitEntry(TYPE_STREAM, barrierId);
        Thread.sleep(2_000); // room for a straggler, had the rolled-back send escaped its transaction
        assertEquals(2, eventsOfTenant(redis.entries(TYPE_STREAM), tenant).size(), "only the two committed tickets");
        List<String> published = new ArrayList<>();
        channel.drainTo(published);
        assertEquals(2, published.stream().filter(m -> parse(m).getJsonObject("payload").getString("tenantId").equals(tenant)).count());
        assertEquals(2, herald.get("api/tickets/count").json().getInt("count"), "no row for the rolled-back ticket");
    }

    private static void assertTwoPhaseCommitOnPostgres() throws Exception {
        if (DevServicesSession.services().postgres().isEmpty()) {
            return;
        }
        String log = Files.readString(DevServicesSession.services().postgres().get().serverLog());
        assertTrue(log.contains("PREPARE TRANSACTION"), "PostgreSQL took part in a two-phase commit");
        assertTrue(log.contains("COMMIT PREPARED"), "and the prepared transaction was committed");
    }

    private static List<Map<String, String>> eventsOfTenant(List<Map<String, String>> entries, String tenant) {
        return entries.stream().filter(e -> parse(e.get("event")).getJsonObject("payload").getString("tenantId").equals(tenant)).toList();
    }

    static JsonObject ticket(String tenant, String number, String title) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("ticketNumber", number).add("title", title).build();
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
