package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedis;
import dev.herald.auth.TenantDirectory;
import dev.herald.redis.StreamIdText;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.RStream;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.RScript;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Subscribers on the real server and Redis, through the test subscribers the tests add to the built EAR
 * (dev.herald.probes.subscribe, an EAR library; what they received is read at /probes/subscribe): probe-recorder and probe-tenant-a on channel subscriber-it, probe-succeeds,
 * probe-throws and probe-hangs (which hangs until the test releases the event) on channel subscriber-isolation.
 * The test server claims after 2 s idle, times observers out after 2 s and dead-letters at the third delivery.
 */
class SubscriberIT extends RedisPipelineTestBase {

    static final String GROUP = "herald-subscribers";
    static final String IT_STREAM = "alga-psa:event-stream:subscriber-it:TICKET_CREATED";
    static final String ISOLATION_STREAM = "alga-psa:event-stream:subscriber-isolation:TICKET_CREATED";
    static final Duration WAIT = Duration.ofSeconds(60);

    /** A producer other than Herald: the envelope of the wire format, XADDed with its two fields. */
    static String rawXadd(String stream, String channel, String eventId, String tenant, String ticketId) {
        return redis.client().<String, String>getStream(stream, StringCodec.INSTANCE)
                .add(StreamAddArgs.entries(Map.of("event", envelope(eventId, tenant, ticketId), "channel", channel))).toString();
    }

    static String envelope(String eventId, String tenant, String ticketId) {
        return "{\"eventType\":\"TICKET_CREATED\",\"payload\":{\"tenantId\":\"" + tenant + "\",\"ticketId\":\"" + ticketId
                + "\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\"},\"id\":\"" + eventId
                + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\"}";
    }

    private JsonArray invocations(String subscriberId) {
        try {
            HeraldClient.Reply reply = operator.get("probes/subscribe/" + subscriberId);
            assertEquals(200, reply.status(), reply.body());
            return reply.jsonArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonObject> invocations(String subscriberId, String eventId) {
        return invocations(subscriberId).stream().map(JsonValue::asJsonObject)
                .filter(i -> eventId.equals(i.getString("eventId"))).toList();
    }

    private JsonObject awaitInvocation(String subscriberId, String eventId) throws InterruptedException {
        return Eventually.await(subscriberId + " receiving " + eventId, WAIT,
                () -> invocations(subscriberId, eventId).stream().findFirst().orElse(null));
    }

    private JsonObject awaitDeadLetter(String channel, String eventId) throws InterruptedException {
        return Eventually.await("the dead letter of " + eventId + " on " + channel, WAIT, () -> {
            try {
                return operator.get("api/subscribe/dead-letters/TICKET_CREATED?channel=" + channel).json()
                        .getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                        .filter(e -> e.getJsonObject("fields").getString("event", "").contains(eventId))
                        .findFirst().orElse(null);
            } catch (Exception e) {
                return null;
            }
        });
    }

    private String publish(String channel, String tenant) throws Exception {
        HeraldClient.Reply reply = HeraldClient.of(tenant).post("api/events", Events.channels(Events.ticketCreated(tenant), channel));
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("eventId");
    }

    private long pendingOf(String stream, String entryId) {
        StreamMessageId id = StreamIdText.parse(entryId);
        return redis.client().getStream(stream, StringCodec.INSTANCE).listPending(GROUP, id, id, 10).size();
    }

    /**
     * XADDs an entry to the subscriber-it stream and reads it as consumer "crashed-consumer" of Herald's group, which
     * then never acknowledges it; the delivery count is set to {@code deliveries}. One script, so the crashed
     * consumer gets the entry before Herald's blocked read can.
     */
    private String readByACrashedConsumer(String eventId, String tenant, int deliveries) throws InterruptedException {
        return Eventually.await("an entry read by a consumer that then dies", WAIT, () -> {
            try {
                return redis.client().getScript(StringCodec.INSTANCE).<String>eval(RScript.Mode.READ_WRITE, """
                        local id = redis.call('XADD', KEYS[1], '*', 'event', ARGV[1], 'channel', 'subscriber-it')
                        redis.call('XREADGROUP', 'GROUP', ARGV[2], 'crashed-consumer', 'COUNT', 1, 'STREAMS', KEYS[1], '>')
                        redis.call('XCLAIM', KEYS[1], ARGV[2], 'crashed-consumer', 0, id, 'RETRYCOUNT', tonumber(ARGV[3]))
                        return id
                        """, RScript.ReturnType.VALUE, List.of(IT_STREAM),
                        envelope(eventId, tenant, UUID.randomUUID().toString()), GROUP, Integer.toString(deliveries));
            } catch (RuntimeException noGroupYet) {
                return null;
            }
        });
    }

    @Test
    void theDiscoveredSubscribersConsumeAsOneConsumerNamedAfterHostAndServer() throws Exception {
        JsonObject status = operator.get("api/subscribe").json();
        assertEquals(GROUP, status.getString("group"));
        String server = System.getProperty("it.server.name", "itServer");
        assertTrue(status.getString("consumer").matches(".+:" + java.util.regex.Pattern.quote(server)), "host:Liberty server name, " + status);
        assertTrue(status.getBoolean("running"), status.toString());
        List<String> ids = status.getJsonArray("subscriptions").stream().map(s -> s.asJsonObject().getString("id")).toList();
        assertTrue(ids.containsAll(List.of("ticket-notifications", "probe-recorder", "probe-tenant-a", "probe-succeeds",
                "probe-throws", "probe-hangs")), ids.toString());
        assertTrue(status.getJsonArray("streams").getValuesAs(jakarta.json.JsonString::getString)
                .containsAll(List.of(IT_STREAM, ISOLATION_STREAM, "alga-psa:event-stream:global:TICKET_ASSIGNED")), status.toString());
    }

    /**
     * Herald's subscribers read in a group of their own: the existing consumers' reader in {@code event-processors}
     * gets every entry too, instead of the two splitting the stream between them.
     */
    @Test
    void aHeraldSubscriberAndAnEventProcessorsReaderBothReceiveEveryEntry() throws Exception {
        RStream<String, String> stream = redis.client().getStream(IT_STREAM, StringCodec.INSTANCE);
        String existingConsumers = "event-processors";
        try {
            stream.createGroup(StreamCreateGroupArgs.name(existingConsumers).id(StreamMessageId.NEWEST).makeStream());
        } catch (RuntimeException groupExistsAlready) {
            assertTrue(String.valueOf(groupExistsAlready.getMessage()).contains("BUSYGROUP"), groupExistsAlready.toString());
        }
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            published.add(publish("subscriber-it", tenant));
        }
        Set<String> readByExistingConsumers = new HashSet<>();
        Eventually.await("the event-processors reader receiving all 20", WAIT, () -> {
            Map<StreamMessageId, Map<String, String>> read = stream.readGroup(existingConsumers, "alga-worker-1",
                    StreamReadGroupArgs.neverDelivered().count(100));
            read.forEach((id, fields) -> {
                readByExistingConsumers.add(Events.id(fields));
                stream.ack(existingConsumers, id);
            });
            return readByExistingConsumers.containsAll(published) ? Boolean.TRUE : null;
        });
        for (String eventId : published) {
            awaitInvocation("probe-recorder", eventId);
        }
    }

    @Test
    void anEntryAnotherProducerXaddedInTheWireFormatIsDeliveredWithEveryEnvelopeField() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String ticketId = UUID.randomUUID().toString();
        String entryId = rawXadd(IT_STREAM, "subscriber-it", eventId, tenant, ticketId);

        JsonObject received = awaitInvocation("probe-recorder", eventId);
        assertEquals("TICKET_CREATED", received.getString("eventType"));
        assertEquals("subscriber-it", received.getString("channel"));
        assertEquals(tenant, received.getString("tenantId"));
        assertEquals(ticketId, received.getString("ticketId"), "the payload bound to a record");
        assertEquals(IT_STREAM, received.getString("stream"));
        assertEquals(entryId, received.getString("entryId"));
        Eventually.await("the acknowledgement of " + entryId, WAIT, () -> pendingOf(IT_STREAM, entryId) == 0 ? true : null);
        assertEquals(1, invocations("probe-recorder", eventId).size());
    }

    @Test
    void aTenantRestrictedSubscriberReceivesOnlyItsTenantsEvents() throws Exception {
        String other = publish("subscriber-it", UUID.randomUUID().toString());
        String own = publish("subscriber-it", "probe-tenant-a");

        assertEquals(TenantDirectory.derived().idOf("probe-tenant-a"), awaitInvocation("probe-tenant-a", own).getString("tenantId"),
                "the subscriber names its tenant by slug; the event carries the slug's UUID");
        awaitInvocation("probe-recorder", other);
        awaitInvocation("probe-recorder", own);
        assertEquals(List.of(), invocations("probe-tenant-a", other));
    }

    @Test
    void anEntryAConsumerReadAndNeverAcknowledgedIsReclaimedAndHandledOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String entryId = readByACrashedConsumer(eventId, tenant, 1);
        assertEquals(1, pendingOf(IT_STREAM, entryId), "pending on the crashed consumer");

        awaitInvocation("probe-recorder", eventId);
        Eventually.await("the acknowledgement of " + entryId, WAIT, () -> pendingOf(IT_STREAM, entryId) == 0 ? true : null);
        Thread.sleep(3_000); // past another claim idle time: nothing runs it again
        assertEquals(1, invocations("probe-recorder", eventId).size());
    }

    /**
     * probe-hangs blocks until this test releases it (HangingProbe), so it times out at every delivery whatever the
     * timeout and the machine's speed, and never counts as handled; probe-throws always throws. Nothing here waits
     * for a duration: the test waits for the dead letter, then for the invocations that the three deliveries started
     * (a task may begin late on a busy server), and after the dead letter no delivery of the entry is left to add any.
     */
    @Test
    void aThrowingAndAHangingSubscriberAreRetriedThenDeadLetteredWhileTheirSiblingRanOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String entryId = rawXadd(ISOLATION_STREAM, "subscriber-isolation", eventId, tenant, UUID.randomUUID().toString());
        try {
            JsonObject letter = awaitDeadLetter("subscriber-isolation", eventId);
            JsonObject fields = letter.getJsonObject("fields");
            assertEquals(ISOLATION_STREAM, fields.getString("sourceStream"));
            assertEquals(entryId, fields.getString("sourceMessageId"));
            assertEquals("3", fields.getString("deliveries"));
            assertTrue(fields.getString("deadLetteredAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), fields.toString());
            String reason = fields.getString("reason");
            assertTrue(reason.contains("probe-throws: FAILED IllegalStateException: probe-throws fails"), reason);
            assertTrue(reason.contains("probe-hangs: TIMED_OUT"), reason);
            assertTrue(!reason.contains("probe-succeeds"), reason);
            assertEquals("subscriber-isolation", fields.getString("channel"));
            assertTrue(fields.getString("event").contains(eventId));
            assertEquals(0, pendingOf(ISOLATION_STREAM, entryId), "acknowledged when it moved to the dead letters");

            for (String retried : List.of("probe-throws", "probe-hangs")) {
                Eventually.await(retried + " invoked at each of the three deliveries", WAIT,
                        () -> invocations(retried, eventId).size() >= 3 ? true : null);
                assertEquals(3, invocations(retried, eventId).size(), retried + " retried at every delivery, no more");
            }
            assertEquals(1, invocations("probe-succeeds", eventId).size(), "the good subscriber ran exactly once in three deliveries");
        } finally {
            HeraldClient.Reply released = operator.post("probes/subscribe/probe-hangs/" + eventId + "/release",
                    JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(200, released.status(), released.body());
        }
    }

    @Test
    void anEntryDeliveredTooOftenIsDeadLetteredAndItsReplayIsDeliveredOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        // A consumer that keeps dying: the entry has been delivered five times already, more than the three allowed.
        String entryId = readByACrashedConsumer(eventId, tenant, 5);

        JsonObject letter = awaitDeadLetter("subscriber-it", eventId);
        assertEquals(entryId, letter.getJsonObject("fields").getString("sourceMessageId"));
        assertTrue(letter.getJsonObject("fields").getString("reason").contains("without being acknowledged"), letter.toString());
        assertEquals(List.of(), invocations("probe-recorder", eventId), "not run: it was given up on");

        String path = "api/subscribe/dead-letters/TICKET_CREATED/" + letter.getString("id") + "/replay?channel=subscriber-it";
        HeraldClient.Reply replayed = operator.post(path, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(202, replayed.status(), replayed.body());
        assertEquals(404, operator.post(path, JsonValue.EMPTY_JSON_OBJECT).status(), "a dead letter is replayed once");

        JsonObject received = awaitInvocation("probe-recorder", eventId);
        assertEquals(replayed.json().getString("entryId"), received.getString("entryId"));
        Thread.sleep(3_000);
        assertEquals(1, invocations("probe-recorder", eventId).size());
    }

    @Test
    void aSchemaInvalidEntryIsDeadLetteredAtOnceWithItsIssues() throws Exception {
        String eventId = UUID.randomUUID().toString();
        rawXadd(IT_STREAM, "subscriber-it", eventId, tenant, "not-a-uuid");

        JsonObject fields = awaitDeadLetter("subscriber-it", eventId).getJsonObject("fields");
        assertEquals("1", fields.getString("deliveries"));
        JsonObject issue = TicketEventRelayIT.parse("{\"i\":" + fields.getString("issues") + "}").getJsonArray("i").getJsonObject(0);
        assertEquals("/payload/ticketId", issue.getString("pointer"));
        assertTrue(!issue.getString("message").isBlank());
        assertTrue(fields.getString("reason").contains("/payload/ticketId"), fields.toString());
        assertEquals(List.of(), invocations("probe-recorder", eventId));
    }

    @Test
    void redisRestartingMidStreamLosesNoEventAndRunsNoneTwice() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(publish("subscriber-it", tenant));
        }
        for (String id : ids) {
            awaitInvocation("probe-recorder", id); // Redis keeps nothing across a restart: what it holds must be handled
        }
        DevRedis server = DevServicesSession.services().redis();
        server.stop();
        try {
            for (int i = 0; i < 10; i++) {
                ids.add(publish("subscriber-it", tenant)); // held by the broker, relayed when Redis is back
            }
            Thread.sleep(2_000);
        } finally {
            server.start();
        }
        for (int i = 0; i < 10; i++) {
            ids.add(publish("subscriber-it", tenant));
        }
        for (String id : ids) {
            awaitInvocation("probe-recorder", id);
        }
        Thread.sleep(3_000);
        for (String id : ids) {
            assertEquals(1, invocations("probe-recorder", id).size(), "event " + id + " ran once");
        }
    }
}
