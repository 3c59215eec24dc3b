package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.contract.ConsumerContract;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Event versions on the real server, whose wire carries TICKET_CREATED as v1 and v2
 * ({@code herald.wire.versions=TICKET_CREATED=both}, src/test/liberty/overrides/versions-it.xml): a typed subscriber
 * of {@code TicketCreatedV2} (probe-ticket-created-v2, channel versions-it) receives a v1 publish upcast; the v1
 * publish lands on the consumers' key unchanged and contract-valid, and upcast on the {@code :v2} key under the same
 * id, never twice on the workflow stream; and the ticket-intake workflow, which reads TICKET_CREATED v2, folds a
 * journal that mixes v1 and v2 entries to the same state live and on replay.
 */
class EventVersionsIT extends RedisPipelineTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHANNEL = "versions-it";
    private static final String V1_STREAM = "alga-psa:event-stream:versions-it:TICKET_CREATED";
    private static final String V2_STREAM = V1_STREAM + ":v2";

    private final String tenant = UUID.randomUUID().toString();
    private final HeraldClient herald = HeraldClient.of(tenant);

    private static JsonObject ticketCreatedV1(String tenant, String ticketId, String openedBy, String contact) {
        return Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", ticketId)
                        .add("createdByUserId", openedBy).add("actorContactId", contact))
                .add("channels", Json.createArrayBuilder().add(CHANNEL)).build();
    }

    private String publishV1(String ticketId, String openedBy, String contact) throws Exception {
        HeraldClient.Reply reply = herald.post("api/events", ticketCreatedV1(tenant, ticketId, openedBy, contact));
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("eventId");
    }

    @Test
    void aSubscriberOfTheV2RecordReceivesAV1EventUpcast() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        String openedBy = UUID.randomUUID().toString();
        publishV1(ticketId, openedBy, UUID.randomUUID().toString());
        JsonObject received = Eventually.await("probe-ticket-created-v2 receiving ticket " + ticketId, WAIT,
                () -> typedRecords("probe-ticket-created-v2").stream()
                        .filter(r -> ticketId.equals(r.getString("ticketId", null))).findFirst().orElse(null));
        assertEquals(openedBy, received.getString("openedByUserId"), "v1's createdByUserId, renamed: " + received);
        assertEquals("CONTACT", received.getString("openedVia"), "derived from the v1 actor: " + received);
        assertEquals(tenant, received.getString("tenantId"));
    }

    @Test
    void withBothOnTheWireAV1PublishLandsOnTheV1KeyAsBeforeAndUpcastOnTheV2Key() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        String openedBy = UUID.randomUUID().toString();
        String eventId = publishV1(ticketId, openedBy, UUID.randomUUID().toString());

        Map<String, String> v1 = awaitEntry(V1_STREAM, eventId);
        assertEquals(List.of(), ConsumerContract.envelopeViolations(v1.get("event")), "the consumers' contract");
        JsonObject v1Envelope = Events.envelope(v1);
        assertFalse(v1Envelope.containsKey("version"), "a v1 envelope is written as before versions: " + v1Envelope);
        assertEquals(openedBy, v1Envelope.getJsonObject("payload").getString("createdByUserId"));
        assertFalse(v1Envelope.getJsonObject("payload").containsKey("openedVia"), "no v2 field on the v1 key");

        Map<String, String> v2 = awaitEntry(V2_STREAM, eventId);
        assertEquals(CHANNEL, v2.get("channel"));
        JsonObject v2Envelope = Events.envelope(v2);
        assertEquals(2, v2Envelope.getInt("version"));
        assertEquals(v1Envelope.getString("timestamp"), v2Envelope.getString("timestamp"), "one event, one time");
        JsonObject payload = v2Envelope.getJsonObject("payload");
        assertEquals(openedBy, payload.getString("openedByUserId"));
        assertEquals("CONTACT", payload.getString("openedVia"));
        assertFalse(payload.containsKey("createdByUserId"), payload.toString());
    }

    @Test
    void onTheGlobalChannelTheWorkflowStreamGetsTheV1EnvelopeOnly() throws Exception {
        HeraldClient.Reply reply = herald.post("api/events", Events.ticketCreated(tenant).build());
        assertEquals(202, reply.status(), reply.body());
        String eventId = reply.json().getString("eventId");
        Set<String> fields = new TreeSet<>(awaitEntry(Events.TICKET_CREATED_STREAM + ":v2", eventId).keySet());
        fields.remove("traceparent"); // the test server traces (TracingIT)
        assertEquals(Set.of("event", "channel"), fields, "a v2 entry has the fields of a v1 entry");
        awaitEntry(Events.TICKET_CREATED_STREAM, eventId);
        List<Map<String, String>> onWorkflowStream = Eventually.await("the workflow entry of " + eventId, WAIT, () -> {
            List<Map<String, String>> found = workflowEntriesOf(tenant).stream()
                    .filter(e -> eventId.equals(e.get("event_id"))).toList();
            return found.isEmpty() ? null : found;
        });
        assertEquals(1, onWorkflowStream.size(), "the v2 envelope never reaches the workflow stream");
        assertEquals(List.of(), ConsumerContract.workflowEntryViolations(onWorkflowStream.get(0)));
        assertFalse(onWorkflowStream.get(0).get("payload_json").contains("openedVia"));
    }

    @Test
    void aWorkflowReadingV2FoldsAJournalOfV1AndV2EventsToTheSameStateLiveAndOnReplay() throws Exception {
        HeraldClient.Reply started = herald.post("api/workflows/executions", Json.createObjectBuilder()
                .add("workflowName", "ticket-intake").add("correlationKey", "ticket-" + UUID.randomUUID()).build());
        assertEquals(201, started.status(), started.body());
        String path = "api/workflows/executions/" + started.json().getString("executionId");
        String ann = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();

        HeraldClient.Reply first = herald.post(path + "/events", Json.createObjectBuilder()
                .add("expectedSequence", 0).add("eventId", UUID.randomUUID().toString()).add("eventName", "TICKET_CREATED")
                .add("payload", Json.createObjectBuilder().add("ticketId", "t-1").add("createdByUserId", ann)
                        .add("actorType", "USER")).build());
        assertEquals(200, first.status(), first.body());
        HeraldClient.Reply second = herald.post(path + "/events", Json.createObjectBuilder()
                .add("expectedSequence", 1).add("eventId", UUID.randomUUID().toString()).add("eventName", "TICKET_CREATED")
                .add("version", 2)
                .add("payload", Json.createObjectBuilder().add("ticketId", "t-2").add("openedByUserId", bob)
                        .add("openedVia", "CONTACT")).build());
        assertEquals(200, second.status(), second.body());

        JsonObject afterV1 = state(path, "sequence=1").getJsonObject("data");
        assertEquals(Json.createObjectBuilder().add("ticketId", "t-1").add("openedByUserId", ann)
                .add("openedVia", "USER").build(), afterV1, "the v1 entry, upcast on replay");
        JsonObject latest = state(path, "sequence=2");
        assertEquals(Json.createObjectBuilder().add("ticketId", "t-2").add("openedByUserId", bob)
                .add("openedVia", "CONTACT").build(), latest.getJsonObject("data"));
        HeraldClient.Reply live = herald.get(path);
        assertEquals(200, live.status(), live.body());
        assertEquals(live.json().getJsonObject("state"), latest, "replay agrees with the live state");
        assertEquals(400, herald.post(path + "/events", Json.createObjectBuilder().add("expectedSequence", 2)
                .add("eventId", UUID.randomUUID().toString()).add("eventName", "TICKET_CREATED").add("version", 0)
                .add("payload", JsonValue.EMPTY_JSON_OBJECT).build()).status(), "version 0 is refused");
    }

    private List<JsonObject> typedRecords(String subscriberId) {
        try {
            HeraldClient.Reply reply = operator.get("probes/subscribe/" + subscriberId + "/typed");
            assertEquals(200, reply.status(), reply.body());
            return reply.jsonArray().stream().map(JsonValue::asJsonObject).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject state(String path, String query) throws Exception {
        HeraldClient.Reply reply = herald.get(path + "/state?" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("state");
    }
}
