package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedis;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Durable publishing on the real server, broker and Redis: validation, channels, idempotency, outages, order. */
class PublishingIT extends RedisPipelineTestBase {

    @Test
    void invalidPayloadIsRefusedWithEveryIssueAndNothingReachesRedis() throws Exception {
        JsonObject invalid = Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", "not-a-uuid")
                        .add("actorType", "ROBOT")).build();
        HeraldClient.Reply reply = herald.post("api/events", invalid);
        assertEquals(400, reply.status(), reply.body());
        List<String> pointers = reply.json().getJsonArray("issues").stream()
                .map(i -> i.asJsonObject().getString("pointer")).sorted().toList();
        assertEquals(List.of("/payload/actorType", "/payload/ticketId"), pointers, reply.body());
        reply.json().getJsonArray("issues").forEach(i -> assertTrue(!i.asJsonObject().getString("message").isBlank()));

        publishBarrierAndAwait(tenant);
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "only the barrier");
    }

    @Test
    void unknownTypeIsAClearError() throws Exception {
        HeraldClient.Reply reply = herald.post("api/events", Json.createObjectBuilder().add("eventType", "TICKET_TELEPORTED")
                .add("payload", Json.createObjectBuilder().add("tenantId", tenant)).build());
        assertEquals(400, reply.status());
        JsonObject issue = reply.json().getJsonArray("issues").getJsonObject(0);
        assertEquals("/eventType", issue.getString("pointer"));
        assertTrue(issue.getString("message").contains("TICKET_TELEPORTED"), issue.toString());
    }

    @Test
    void extraChannelsCarryTheSameEventId() throws Exception {
        String eventId = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "global", "internal-notifications"))
                .json().getString("eventId");
        Map<String, String> global = awaitEntry(TICKET_CREATED_STREAM, eventId);
        Map<String, String> extra = awaitEntry("alga-psa:event-stream:internal-notifications:TICKET_CREATED", eventId);
        assertEquals("global", global.get("channel"));
        assertEquals("internal-notifications", extra.get("channel"));
        assertEquals(global.get("event"), extra.get("event"), "one envelope, one id, on every channel");
    }

    @Test
    void sameIdempotencyKeyPublishesOnce() throws Exception {
        JsonObject request = Events.ticketCreated(tenant).add("idempotencyKey", "order-42").build();
        String first = herald.post("api/events", request).json().getString("eventId");
        String second = herald.post("api/events", request).json().getString("eventId");
        assertEquals(first, second, "the second call answers with the first event");
        publishBarrierAndAwait(tenant);
        assertEquals(2, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "the event and the barrier");
    }

    @Test
    void batchPublishesAllInOneTransactionOrNothing() throws Exception {
        JsonArrayBuilder good = Json.createArrayBuilder();
        for (int i = 0; i < 100; i++) {
            good.add(Events.ticketCreated(tenant));
        }
        HeraldClient.Reply accepted = herald.post("api/events/batch", good.build());
        assertEquals(202, accepted.status(), accepted.body());
        List<String> ids = accepted.json().getJsonArray("eventIds").getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
        Eventually.await("the 100 events of the batch", PIPELINE,
                () -> Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size() >= 100 ? true : null);
        assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant)));

        String other = UUID.randomUUID().toString();
        JsonArrayBuilder oneBad = Json.createArrayBuilder().add(Events.ticketCreated(other)).add(Events.ticketCreated(other))
                .add(Events.ticketCreated(other, "not-a-uuid"));
        HeraldClient.Reply refused = HeraldClient.of(other).post("api/events/batch", oneBad.build());
        assertEquals(400, refused.status());
        assertEquals("/2/payload/ticketId", refused.json().getJsonArray("issues").getJsonObject(0).getString("pointer"));
        publishBarrierAndAwait(other);
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), other).size(), "none of the refused batch");
    }

    @Test
    void eventCommittedWhileRedisIsDownArrivesWhenItIsBack() throws Exception {
        DevRedis server = DevServicesSession.services().redis();
        String eventId;
        server.stop();
        try {
            HeraldClient.Reply reply = herald.post("api/events", Events.ticketCreated(tenant).build());
            assertEquals(202, reply.status(), "publishing needs the broker, not Redis");
            eventId = reply.json().getString("eventId");
            Thread.sleep(2_000);
        } finally {
            server.start();
        }
        awaitEntry(TICKET_CREATED_STREAM, eventId);
        assertEquals(List.of(eventId), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant), "once, not twice");
        // A 2 s outage is within the Redis client's retry budget: it is usually ridden out inside one relay call and
        // leaves no record. RedisOutageIT keeps Redis down past that budget and checks the failure path itself. When a
        // delivery did fail, the record ends RECOVERED: the delivery that wrote the entry marks it so right after.
        if (operator.get("api/relay/failed/" + eventId).status() == 200) {
            Eventually.await("the record of " + eventId + " RECOVERED", Duration.ofSeconds(30), () -> {
                try {
                    HeraldClient.Reply record = operator.get("api/relay/failed/" + eventId);
                    return record.json().getString("status").equals("RECOVERED") ? true : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void relayThatKeepsFailingIsDeadLetteredRecordedAndReplayedOnce() throws Exception {
        String channel = "poison-" + UUID.randomUUID();
        String poisonStream = "alga-psa:event-stream:" + channel + ":TICKET_CREATED";
        redis.setString(poisonStream, "not a stream"); // every XADD to it fails with WRONGTYPE
        String eventId = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "global", channel))
                .json().getString("eventId");

        JsonObject record = Eventually.await("the dead-lettered record", Duration.ofSeconds(90), () -> {
            try {
                HeraldClient.Reply r = operator.get("api/relay/failed/" + eventId);
                return r.status() == 200 && r.json().getString("status").equals("DEAD_LETTERED") ? r.json() : null;
            } catch (Exception e) {
                return null;
            }
        });
        assertEquals(6, record.getInt("attempts"), "every delivery the broker made was counted");
        HeraldClient.Reply listed = operator.get("api/relay/failed");
        assertEquals(200, listed.status(), "the list is ordered by the time of the last failure: " + listed.body());
        assertTrue(listed.body().contains(eventId), listed.body());
        assertTrue(record.getString("lastError").contains("WRONGTYPE"), record.getString("lastError"));

        redis.delete(poisonStream);
        assertEquals(202, operator.post("api/relay/failed/" + eventId + "/replay", JsonValue.EMPTY_JSON_OBJECT).status());
        awaitEntry(poisonStream, eventId);
        Thread.sleep(1_000);
        assertEquals(List.of(eventId), Events.idsOfTenant(redis.entries(poisonStream), tenant));
        assertEquals(List.of(eventId), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant),
                "the global stream kept its single entry through every redelivery and the replay");
        assertEquals("REPLAYED", operator.get("api/relay/failed/" + eventId).json().getString("status"));
    }

    private void publishBarrierAndAwait(String tenant) throws Exception {
        String barrier = HeraldClient.of(tenant).post("api/events", Events.ticketCreated(tenant).build()).json().getString("eventId");
        awaitEntry(TICKET_CREATED_STREAM, barrier);
        Thread.sleep(1_000); // room for a straggler that should not exist
    }

}
