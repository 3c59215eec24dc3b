package dev.herald.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedisCluster;
import dev.herald.devservices.Resp;
import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.redis.RedisKeys;
import dev.herald.redis.TestRedisTopologies;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RPatternTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * The relay on a real three-master Redis Cluster (dev services): messages of events of many types on many channels,
 * so the streams land on every master, each entry written once, and a redelivery adds nothing. Without the markers in
 * their stream's slot, Cluster would refuse the calls (CROSSSLOT).
 */
class RelayClusterRedisTest {

    private static final List<String> TYPES = List.of("TICKET_CREATED", "TICKET_UPDATED", "TICKET_CLOSED",
            "INVOICE_CREATED", "INVOICE_PAID", "PROJECT_CREATED", "PROJECT_CLOSED", "USER_LOGGED_IN", "CUSTOM_EVENT",
            "COMPANY_CREATED", "CONTACT_CREATED", "TIME_ENTRY_SUBMITTED");
    private static final List<String> CHANNELS = List.of("global", "billing", "internal-notifications", "ops");

    private static DevRedisCluster cluster;
    private static RedissonClient client;
    private static WireFormat format;
    private static String prefix;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestRedisTopologies.sharedCluster();
        client = TestRedisTopologies.sharedClusterClient();
        prefix = "herald-cluster-test-" + UUID.randomUUID() + ":";
        format = new WireFormat(new RedisKeys(prefix, "event:", prefix + "workflow:events:global", "herald:relayed:",
                Duration.ofMinutes(5)));
    }


    @Test
    void everyEventIsWrittenOnceOnStreamsOfEveryMasterAndARedeliveryAddsNothing() throws Exception {
        Random random = new Random(17);
        List<List<CarriedEvent>> messages = new ArrayList<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        List<String> expectedWorkflow = new ArrayList<>();
        int units = 0;
        for (int m = 0; m < 12; m++) {
            List<CarriedEvent> message = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                String type = TYPES.get(random.nextInt(TYPES.size()));
                List<String> channels = new ArrayList<>(List.of("global"));
                CHANNELS.subList(1, CHANNELS.size()).stream().filter(c -> random.nextBoolean()).forEach(channels::add);
                if (random.nextInt(4) == 0) {
                    channels.remove("global");
                    if (channels.isEmpty()) {
                        channels.add("ops");
                    }
                }
                CarriedEvent event = event(type, channels);
                message.add(event);
                units += channels.size();
                channels.forEach(c -> expected.computeIfAbsent(format.typeStream(c, type), s -> new ArrayList<>()).add(event.eventId()));
                if (channels.contains("global")) {
                    expectedWorkflow.add(event.eventId());
                }
            }
            messages.add(message);
        }

        AtomicInteger published = new AtomicInteger();
        RPatternTopic tail = client.getPatternTopic("event:*", StringCodec.INSTANCE); // as the live tail subscribes
        int listener = tail.addListener(String.class, (pattern, channel, message) -> published.incrementAndGet());

        RelayWriter writer = new RelayWriter(client, format, 0, Duration.ofSeconds(3));
        int written = 0;
        for (List<CarriedEvent> message : messages) {
            written += writer.relayed(message).size();
        }
        assertEquals(units, written, "every (event, channel) unit written and counted once");

        for (int port : cluster.ports()) {
            int keys = ((List<?>) Resp.command(port, "KEYS", "*" + prefix + "*")).size();
            assertTrue(keys > 10, "the streams and markers spread over every master; " + port + " holds " + keys);
        }
        expected.forEach((stream, ids) -> assertEquals(ids, idsOn(stream), stream));
        assertEquals(expectedWorkflow, workflowIds());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (published.get() < units && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(units, published.get(), "one publish per unit reaches a pattern subscriber, whichever master ran it");

        for (List<CarriedEvent> message : messages) {
            assertEquals(List.of(), writer.relayed(message), "a redelivery writes nothing");
        }
        expected.forEach((stream, ids) -> assertEquals(ids, idsOn(stream), "still once each after redelivery: " + stream));
        assertEquals(expectedWorkflow, workflowIds());
        assertEquals(units, published.get(), "a redelivery publishes nothing");
        tail.removeListener(listener);
    }

    private static CarriedEvent event(String type, List<String> channels) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type, Instant.now(),
                Json.createObjectBuilder().add("tenantId", "t1").build());
        return new CarriedEvent(envelope, EnvelopeJson.toJson(envelope), List.copyOf(channels), null);
    }

    private static List<String> idsOn(String stream) {
        return client.<String, String>getStream(stream, StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX)
                .values().stream().map(fields -> EnvelopeJson.fromJson(fields.get("event")).id()).toList();
    }

    private static List<String> workflowIds() {
        return client.<String, String>getStream(prefix + "workflow:events:global", StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX).values().stream().map(f -> f.get("event_id")).toList();
    }
}
