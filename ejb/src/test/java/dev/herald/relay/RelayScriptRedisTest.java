package dev.herald.relay;

import dev.herald.publish.CarriedEvent;
import dev.herald.redis.RedisKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.redis.TestRedis;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * The relay's Lua script and pipelined calls against a real Redis: many events in one message, one atomic call per
 * stream, each entry written once however often the message is delivered, a partly failed delivery completed by the
 * next without duplicates.
 */
class RelayScriptRedisTest {

    private static TestRedis redis;
    private static RedissonClient client;
    private static String prefix;
    private static WireFormat format;

    @BeforeAll
    static void connect() throws Exception {
        redis = TestRedis.start();
        client = redis.client();
        prefix = "herald-relay-test-" + UUID.randomUUID() + ":";
        format = new WireFormat(new RedisKeys(prefix, prefix + "event:", prefix + "workflow", prefix + "relayed:",
                Duration.ofMinutes(5)));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (redis != null) {
            client.getKeys().deleteByPattern(prefix.replace("-", "\\-") + "*");
            redis.close();
        }
    }

    @Test
    void oneCallWritesEveryEventOnEveryChannelInOrder() {
        List<CarriedEvent> events = events(3, "global", "internal-notifications");
        List<CarriedEvent> written = relayed(events);
        assertEquals(List.of(events.get(0), events.get(0), events.get(1), events.get(1), events.get(2), events.get(2)),
                written, "one unit per event and channel, in order");
        assertEquals(ids(events), idsOn(format.typeStream("global", "TICKET_CREATED")));
        assertEquals(ids(events), idsOn(format.typeStream("internal-notifications", "TICKET_CREATED")));
        Map<StreamMessageId, Map<String, String>> workflow =
                client.<String, String>getStream(prefix + "workflow", StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX);
        assertEquals(ids(events), workflow.values().stream().map(f -> f.get("event_id")).toList());
    }

    @Test
    void aRedeliveredMessageAddsNothing() {
        List<CarriedEvent> events = events(2, "dedupe");
        assertEquals(2, relay(events));
        assertEquals(0, relay(events));
        assertEquals(ids(events), idsOn(format.typeStream("dedupe", "TICKET_CREATED")));
    }

    @Test
    void onlyTheUnitsNotYetRelayedAreWritten() {
        List<CarriedEvent> first = events(1, "partial");
        relay(first);
        List<CarriedEvent> both = new ArrayList<>(first);
        both.addAll(events(1, "partial"));
        assertEquals(List.of(both.get(1)), relayed(both), "the script names the units it wrote, for the metrics");
        assertEquals(ids(both), idsOn(format.typeStream("partial", "TICKET_CREATED")));
    }

    @Test
    void theSameEventTwiceInOneCallIsWrittenOnce() {
        List<CarriedEvent> one = events(1, "twice");
        assertEquals(1, relay(List.of(one.get(0), one.get(0))));
        assertEquals(ids(one), idsOn(format.typeStream("twice", "TICKET_CREATED")));
    }

    @Test
    void aWrongTypedStreamFailsItsOwnCallOnlyAndARedeliveryWritesWhatIsMissing() {
        String poisoned = format.typeStream("poison", "TICKET_CREATED");
        client.getBucket(poisoned, StringCodec.INSTANCE).set("not a stream");
        List<CarriedEvent> events = new ArrayList<>(events(2, "clean"));
        events.addAll(events(1, "poison"));
        PartlyRelayedException error = assertThrows(PartlyRelayedException.class, () -> relay(events));
        assertTrue(error.getMessage().contains("WRONGTYPE"), error.getMessage());
        assertEquals(events.subList(0, 2), error.written(), "the clean stream's call succeeded and is counted now");
        assertEquals(ids(events.subList(0, 2)), idsOn(format.typeStream("clean", "TICKET_CREATED")));
        assertEquals(0, client.getKeys().countExists(format.batch(envelope(events.get(2)), "poison").typeStreamMarker()),
                "no marker where nothing was written: the redelivery writes it");

        client.getBucket(poisoned).delete();
        assertEquals(List.of(events.get(2)), relayed(events), "the redelivery writes only what is missing");
        assertEquals(ids(events.subList(0, 2)), idsOn(format.typeStream("clean", "TICKET_CREATED")));
        assertEquals(ids(events.subList(2, 3)), idsOn(poisoned));
    }

    @Test
    void aRedeliveryAfterTheWorkflowStreamFailedWritesOnlyTheWorkflowEntries() {
        WireFormat own = new WireFormat(new RedisKeys(prefix + "own:", prefix + "event:", prefix + "workflow-poisoned",
                prefix + "relayed:", Duration.ofMinutes(5)));
        client.getBucket(prefix + "workflow-poisoned", StringCodec.INSTANCE).set("not a stream");
        List<CarriedEvent> events = events(2, "global", "after-workflow");
        RelayWriter writer = new RelayWriter(client, own, 0, Duration.ofSeconds(1));
        PartlyRelayedException error = assertThrows(PartlyRelayedException.class, () -> writer.relayed(events));
        assertEquals(List.of(events.get(0), events.get(0), events.get(1), events.get(1)), error.written(),
                "the per-type entries were written, and only they count a unit");

        client.getBucket(prefix + "workflow-poisoned").delete();
        assertEquals(List.of(), writer.relayed(events), "no unit is counted twice");
        assertEquals(ids(events), idsOn(own.typeStream("global", "TICKET_CREATED")), "each entry once");
        assertEquals(ids(events), idsOn(own.typeStream("after-workflow", "TICKET_CREATED")));
        Map<StreamMessageId, Map<String, String>> workflow = client.<String, String>getStream(prefix + "workflow-poisoned",
                StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX);
        assertEquals(ids(events), workflow.values().stream().map(f -> f.get("event_id")).toList());
        assertEquals(List.of(), writer.relayed(events), "a third delivery adds nothing");
        assertEquals(2, client.getStream(prefix + "workflow-poisoned", StringCodec.INSTANCE).size());
    }

    @Test
    void aReplicaThatDoesNotConfirmTheWriteFailsTheDelivery() {
        List<CarriedEvent> events = events(1, "unreplicated");
        RelayWriter waiting = new RelayWriter(client, format, 1, Duration.ofMillis(100));
        PartlyRelayedException error = assertThrows(PartlyRelayedException.class, () -> waiting.relayed(events));
        assertTrue(error.getMessage().contains("only 0 of the 1 replicas"), error.getMessage());
        assertEquals(events, error.written(), "written on the master, so counted now, not again");
        assertThrows(PartlyRelayedException.class, () -> waiting.relayed(events),
                "the redelivery writes no entry and still fails while no replica confirms");
        assertEquals(ids(events), idsOn(format.typeStream("unreplicated", "TICKET_CREATED")));
    }

    private static int relay(List<CarriedEvent> events) {
        return relayed(events).size();
    }

    /** As {@link RedisRelay#relayed}, on this test's keys. */
    private static List<CarriedEvent> relayed(List<CarriedEvent> events) {
        return new RelayWriter(client, format, 0, Duration.ofSeconds(1)).relayed(events);
    }

    private static List<CarriedEvent> events(int count, String... channels) {
        List<CarriedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "TICKET_CREATED",
                    Instant.parse("2026-11-23T07:41:51.792Z"), Json.createObjectBuilder().add("tenantId", "t1").build());
            events.add(new CarriedEvent(envelope, EnvelopeJson.toJson(envelope), List.of(channels), null));
        }
        return events;
    }

    private static EventEnvelope envelope(CarriedEvent event) {
        return EnvelopeJson.fromJson(event.envelopeJson());
    }

    private static List<String> ids(List<CarriedEvent> events) {
        return events.stream().map(CarriedEvent::eventId).toList();
    }

    private static List<String> idsOn(String stream) {
        Map<StreamMessageId, Map<String, String>> entries =
                client.<String, String>getStream(stream, StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX);
        return entries.values().stream().map(fields -> EnvelopeJson.fromJson(fields.get("event")).id()).toList();
    }
}
