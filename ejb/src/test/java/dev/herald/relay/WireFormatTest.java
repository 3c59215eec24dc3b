package dev.herald.relay;

import dev.herald.redis.RedisKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.kernel.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private final WireFormat format = new WireFormat(RedisKeys.defaults());
    private final EventEnvelope envelope = new EventEnvelope("3f1c2a9e-0000-4000-8000-000000000001", "TICKET_CREATED",
            Instant.parse("2026-11-23T07:41:51.792Z"),
            Json.createObjectBuilder().add("tenantId", "t1").add("actorUserId", USER).build());

    @Test
    void globalChannelWritesTypeStreamWorkflowStreamAndPubSub() {
        RelayBatch batch = format.batch(envelope, "global");
        assertEquals("alga-psa:event-stream:global:TICKET_CREATED", batch.typeStream());
        assertEquals("workflow:events:global", batch.workflowStream());
        assertEquals("event::TICKET_CREATED", batch.pubSubChannel());
        assertEquals(List.of("event", EnvelopeJson.toJson(envelope), "channel", "global"), batch.typeStreamFields());
        assertEquals("herald:relayed:{alga-psa:event-stream:global:TICKET_CREATED}:" + envelope.id(), batch.typeStreamMarker());
        assertEquals("herald:relayed:{workflow:events:global}:" + envelope.id(), batch.workflowStreamMarker());
    }

    @Test
    void simulatedEventReachesTheTypeStreamAndPubSubWithItsMarker() {
        EventEnvelope simulated = new EventEnvelope(envelope.id(), envelope.eventType(), envelope.timestamp(), envelope.payload(), true);
        RelayBatch batch = format.batch(simulated, "global");
        JsonObject onStream = WireJson.parseObject(batch.typeStreamFields().get(1));
        assertTrue(onStream.getBoolean("simulated"));
        assertEquals(envelope.id(), onStream.getString("id"));
        assertTrue(WireJson.parseObject(batch.envelopeJson()).getBoolean("simulated"), "the pub/sub message is the same envelope");
        assertEquals(format.batch(envelope, "global").workflowStreamFields(), batch.workflowStreamFields(),
                "the workflow stream's flat fields are those of any event");
        assertFalse(WireJson.parseObject(format.batch(envelope, "global").typeStreamFields().get(1)).containsKey("simulated"));
    }

    @Test
    void aLaterVersionGoesToVersionSuffixedKeysAndNeverToTheWorkflowStream() {
        EventEnvelope v2 = envelope.inVersion(2, envelope.payload());
        RelayBatch batch = format.batch(v2, "global");
        assertEquals("alga-psa:event-stream:global:TICKET_CREATED:v2", batch.typeStream());
        assertEquals("event::TICKET_CREATED:v2", batch.pubSubChannel());
        assertEquals("herald:relayed:{alga-psa:event-stream:global:TICKET_CREATED:v2}:" + envelope.id(),
                batch.typeStreamMarker(), "the v1 and v2 envelopes of one event share its id, so their dedupe markers"
                        + " differ by their streams");
        assertNull(batch.workflowStreamMarker());
        assertNull(batch.workflowStream());
        assertTrue(batch.workflowStreamFields().isEmpty());
        JsonObject onStream = WireJson.parseObject(batch.typeStreamFields().get(1));
        assertEquals(2, onStream.getInt("version"));
        assertEquals(envelope.id(), onStream.getString("id"));
        assertFalse(WireJson.parseObject(format.batch(envelope, "global").typeStreamFields().get(1)).containsKey("version"),
                "a v1 envelope is written as before versions existed");
        assertEquals("alga-psa:event-stream:billing:TICKET_CREATED:v2", format.typeStream("billing", "TICKET_CREATED", 2));
    }

    @Test
    void extraChannelReusesTheEventIdAndSkipsTheWorkflowStream() {
        RelayBatch batch = format.batch(envelope, "internal-notifications");
        assertEquals("alga-psa:event-stream:internal-notifications:TICKET_CREATED", batch.typeStream());
        assertNull(batch.workflowStream());
        assertTrue(batch.workflowStreamFields().isEmpty());
        assertTrue(batch.envelopeJson().contains(envelope.id()));
        assertNull(batch.workflowStreamMarker());
    }

    @Test
    void workflowFieldsAreFlatStringsWithTenantAndActor() {
        Map<String, String> fields = pairs(format.batch(envelope, "global").workflowStreamFields());
        assertEquals(11, fields.size());
        assertEquals(envelope.id(), fields.get("event_id"));
        assertEquals("TICKET_CREATED", fields.get("event_name"));
        assertEquals("TICKET_CREATED", fields.get("event_type"));
        assertEquals("t1", fields.get("tenant"));
        assertEquals(USER, fields.get("user_id"));
        assertEquals("2026-11-23T07:41:51.792Z", fields.get("timestamp"));
        assertEquals("", fields.get("execution_id"));
        assertEquals("{\"tenantId\":\"t1\",\"actorUserId\":\"" + USER + "\"}", fields.get("payload_json"));
    }

    @Test
    void userIdFallsBackToUserIdAndDropsNonUuids() {
        assertEquals(USER, WireFormat.userId(Json.createObjectBuilder().add("userId", USER).build()));
        assertEquals("", WireFormat.userId(Json.createObjectBuilder().add("actorUserId", "system").build()));
    }

    @Test
    void relayCallsGoOnePerStreamWithEachEntrysFieldsAndCounts() {
        List<StreamWrite> writes = StreamWrite.plan(List.of(format.batch(envelope, "global"),
                format.batch(envelope, "internal-notifications")));
        assertEquals(List.of("alga-psa:event-stream:global:TICKET_CREATED", "workflow:events:global",
                "alga-psa:event-stream:internal-notifications:TICKET_CREATED"), writes.stream().map(StreamWrite::stream).toList());
        Object[] typeArgs = writes.get(0).arguments(604800);
        assertEquals("604800", typeArgs[0]);
        assertEquals("event::TICKET_CREATED", typeArgs[1]);
        assertEquals("4", typeArgs[3]);
        assertEquals(8, typeArgs.length);
        Object[] workflowArgs = writes.get(1).arguments(604800);
        assertEquals("", workflowArgs[1], "the workflow stream entry publishes nothing");
        assertEquals("22", workflowArgs[3]);
        assertEquals(List.of("workflow:events:global", "herald:relayed:{workflow:events:global}:" + envelope.id()),
                writes.get(1).keys());
    }

    private static Map<String, String> pairs(List<String> flat) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            map.put(flat.get(i), flat.get(i + 1));
        }
        return map;
    }

    @Test
    void genericTypesCarryThePayloadsEventNameOnTheWorkflowStream() {
        JsonObject payload = Json.createObjectBuilder().add("tenantId", "t1").add("eventName", "device.updated").build();
        for (String generic : List.of("CUSTOM_EVENT", "UNKNOWN", "INTEGRATION_WEBHOOK_RECEIVED")) {
            assertEquals("device.updated", workflowField(generic, payload, "event_name"), generic);
            assertEquals(generic, workflowField(generic, payload, "event_type"), generic);
        }
        assertEquals("TICKET_CREATED", workflowField("TICKET_CREATED", payload, "event_name"), "only the generic types");
        assertEquals("CUSTOM_EVENT", workflowField("CUSTOM_EVENT", Json.createObjectBuilder().add("tenantId", "t1")
                .add("eventName", "").build(), "event_name"), "no name: the type");
    }

    private String workflowField(String type, JsonObject payload, String field) {
        List<String> fields = format.batch(new EventEnvelope(envelope.id(), type, envelope.timestamp(), payload), "global")
                .workflowStreamFields();
        return fields.get(fields.indexOf(field) + 1);
    }
}
