package dev.herald.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedisSentinel;
import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.redis.RedisKeys;
import dev.herald.redis.TestRedisTopologies;
import jakarta.json.Json;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * The relay through Sentinel (dev services: master, replica, three Sentinels) across a failover: messages relayed
 * before, during and after {@code SENTINEL FAILOVER}, and a crash of the master (killed, promoted replica, the old
 * master restarted as its replica), each retried until it succeeds as the broker redelivers, and
 * every event of every message whose relay returned success is on its streams exactly once afterwards. The relay
 * waits for one replica ({@code herald.redis.sync-replicas} 1), so what it acknowledged is on the replica that becomes
 * the master.
 */
class RelaySentinelRedisTest {

    private static final List<String> TYPES = List.of("TICKET_CREATED", "TICKET_UPDATED", "INVOICE_CREATED",
            "PROJECT_CREATED", "USER_LOGGED_IN");

    private static DevRedisSentinel sentinel;
    private static RedissonClient client;
    private static String prefix;

    @BeforeAll
    static void startSentinel() throws Exception {
        sentinel = DevRedisSentinel.start(Files.createTempDirectory("herald-sentinel-test"));
        client = TestRedisTopologies.sentinel(sentinel, 1);
        prefix = "herald-sentinel-test-" + UUID.randomUUID() + ":";
    }

    @AfterAll
    static void stopSentinel() throws Exception {
        if (client != null) {
            client.shutdown();
        }
        if (sentinel != null) {
            sentinel.close();
        }
    }

    /** How the master moves; answers the new master's port. */
    @FunctionalInterface
    interface Failover {
        int run() throws Exception;
    }

    @Test
    void everyAcknowledgedEventIsOnItsStreamsExactlyOnceAfterAFailover() throws Exception {
        relayAcross("SENTINEL FAILOVER", sentinel::failover);
    }

    @Test
    void everyAcknowledgedEventIsOnItsStreamsExactlyOnceAfterTheMasterCrashed() throws Exception {
        relayAcross("master killed", sentinel::killMaster);
    }

    private void relayAcross(String how, Failover failover) throws Exception {
        String prefix = RelaySentinelRedisTest.prefix + UUID.randomUUID() + ":";
        WireFormat format = new WireFormat(new RedisKeys(prefix, "event:", prefix + "workflow:events:global",
                "herald:relayed:", Duration.ofMinutes(5)));
        RelayWriter writer = new RelayWriter(client, format, 1, Duration.ofSeconds(1));
        List<List<CarriedEvent>> acknowledged = new CopyOnWriteArrayList<>();
        AtomicInteger failedAttempts = new AtomicInteger();
        for (int m = 0; m < 20; m++) {
            acknowledged.add(relayUntilAcknowledged(writer, message(m), failedAttempts));
        }

        AtomicBoolean failingOver = new AtomicBoolean(true);
        Thread during = new Thread(() -> {
            for (int m = 100; failingOver.get(); m++) {
                acknowledged.add(relayUntilAcknowledged(writer, message(m), failedAttempts));
            }
        }, "relay-during-failover");
        during.start();
        int oldMaster = sentinel.masterPort();
        int newMaster = failover.run();
        failingOver.set(false);
        during.join(TimeUnit.SECONDS.toMillis(60));
        assertNotEquals(oldMaster, newMaster);

        for (int m = 1000; m < 1020; m++) {
            acknowledged.add(relayUntilAcknowledged(writer, message(m), failedAttempts));
        }
        java.util.logging.Logger.getLogger(RelaySentinelRedisTest.class.getName()).info("Sentinel, " + how + ", " + oldMaster
                + " -> " + newMaster + ": " + acknowledged.size() + " messages acknowledged, " + failedAttempts.get()
                + " attempts failed and were retried");
        assertTrue(acknowledged.size() > 40, "messages before, during and after the failover: " + acknowledged.size());

        Map<String, Long> expected = new java.util.HashMap<>();
        long workflowExpected = 0;
        for (List<CarriedEvent> message : acknowledged) {
            for (CarriedEvent event : message) {
                for (String channel : event.channels()) {
                    expected.merge(format.typeStream(channel, event.envelope().eventType()) + "|" + event.eventId(), 1L, Long::sum);
                }
                workflowExpected += event.channels().contains("global") ? 1 : 0;
            }
        }
        Map<String, Long> found = new java.util.HashMap<>();
        for (String type : TYPES) {
            for (String channel : List.of("global", "billing")) {
                String stream = format.typeStream(channel, type);
                idsOn(stream).forEach(id -> found.merge(stream + "|" + id, 1L, Long::sum));
            }
        }
        Map<String, Long> duplicates = found.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), duplicates, "no entry twice");
        List<String> missing = expected.keySet().stream().filter(k -> !found.containsKey(k)).toList();
        assertEquals(List.of(), missing, "every acknowledged entry is there after the failover ("
                + failedAttempts.get() + " attempts failed and were redelivered)");
        List<String> workflow = client.<String, String>getStream(prefix + "workflow:events:global", StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX).values().stream().map(f -> f.get("event_id")).toList();
        assertEquals(workflow.size(), workflow.stream().distinct().count(), "no workflow entry twice");
        assertEquals(workflowExpected, workflow.size(), "every acknowledged workflow entry");
    }

    /** As the broker does: a failed delivery is delivered again, until the relay succeeds (within a deadline). */
    private static List<CarriedEvent> relayUntilAcknowledged(RelayWriter writer, List<CarriedEvent> message,
                                                             AtomicInteger failedAttempts) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                writer.relayed(message);
                return message;
            } catch (RuntimeException e) {
                failedAttempts.incrementAndGet();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the relay did not recover within 60 s", e);
                }
            }
        }
    }

    private static List<CarriedEvent> message(int m) {
        List<CarriedEvent> events = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            String type = TYPES.get((m + e) % TYPES.size());
            List<String> channels = (m + e) % 3 == 0 ? List.of("billing") : List.of("global", "billing");
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type, Instant.now(),
                    Json.createObjectBuilder().add("tenantId", "t1").build());
            events.add(new CarriedEvent(envelope, EnvelopeJson.toJson(envelope), channels, null));
        }
        return Collections.unmodifiableList(events);
    }

    private static List<String> idsOn(String stream) {
        return client.<String, String>getStream(stream, StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX)
                .values().stream().map(fields -> EnvelopeJson.fromJson(fields.get("event")).id()).toList();
    }
}
