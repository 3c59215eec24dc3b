package dev.herald.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedisCluster;
import dev.herald.devservices.Resp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * {@link ConsumerGroup} and {@link DeadLetters} on a real three-master Redis Cluster (dev services): one consumer
 * reads streams of several hash slots, and dead-lettering and replaying (source and dead-letter stream in different
 * slots) work and happen once each.
 */
class ConsumerGroupClusterRedisTest {

    private static DevRedisCluster cluster;
    private static RedissonClient client;
    private static String prefix;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestRedisTopologies.sharedCluster();
        client = TestRedisTopologies.sharedClusterClient();
        prefix = "herald-cluster-group-test-" + UUID.randomUUID() + ":";
    }


    @Test
    void oneConsumerReadsStreamsOfEveryMasterAndAcknowledgesThem() throws Exception {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            streams.add(prefix + "event-stream:global:TYPE_" + i);
        }
        Set<Integer> slots = new HashSet<>();
        for (String stream : streams) {
            slots.add(((Long) Resp.command(cluster.ports().get(0), "CLUSTER", "KEYSLOT", stream)).intValue());
        }
        assertTrue(slots.size() > 1, "the streams span slots: " + slots);
        ConsumerGroup group = new ConsumerGroup(client, "cluster-readers", "c1", Duration.ofSeconds(30), false);
        assertEquals(streams, group.create(streams));
        for (String stream : streams) {
            stream(stream).add(StreamAddArgs.entry("n", stream));
        }

        Map<String, List<ConsumerGroup.Entry>> read = group.readNew(streams, 10, Duration.ofMillis(200));
        assertEquals(Set.copyOf(streams), read.keySet(), "one read round covers every stream");
        read.forEach((stream, entries) -> {
            assertEquals(1, entries.size());
            assertEquals(stream, entries.get(0).fields().get("n"));
            group.ack(stream, entries.stream().map(ConsumerGroup.Entry::id).toList());
        });
        assertEquals(Map.of(), group.readNew(streams, 10, Duration.ofMillis(100)), "nothing new, nothing read");

        stream(streams.get(5)).add(StreamAddArgs.entry("n", "later"));
        Map<String, List<ConsumerGroup.Entry>> later = group.readNew(streams, 10, Duration.ofMillis(100));
        assertEquals(Set.of(streams.get(5)), later.keySet());
        for (String stream : streams) {
            assertEquals(0, stream(stream).getPendingInfo("cluster-readers").getTotal() - (stream.equals(streams.get(5)) ? 1 : 0));
        }
    }

    @Test
    void aDeadLetterIsWrittenOnceAndReplayedOnceAcrossSlots() throws Exception {
        String source = prefix + "event-stream:global:TICKET_CREATED";
        long sourceSlot = (Long) Resp.command(cluster.ports().get(0), "CLUSTER", "KEYSLOT", source);
        long letterSlot = (Long) Resp.command(cluster.ports().get(0), "CLUSTER", "KEYSLOT", DeadLetters.of(source));
        assertTrue(sourceSlot != letterSlot, "the test needs the two streams in different slots");
        ConsumerGroup group = new ConsumerGroup(client, "event-processors", "c1", Duration.ofSeconds(30), false);
        group.create(List.of(source));
        StreamMessageId entry = stream(source).add(StreamAddArgs.entries(Map.of("event", "{\"id\":\"e1\"}", "channel", "global")));
        group.readNew(List.of(source), 10, null);

        DeadLetters letters = new DeadLetters(client, "event-processors", Clock.systemUTC());
        String letter = letters.deadLetter(source, entry.toString(), Map.of("event", "{\"id\":\"e1\"}", "channel", "global"),
                3, "handler failed", List.of());
        assertEquals(letter, letters.deadLetter(source, entry.toString(), Map.of("event", "{\"id\":\"e1\"}",
                "channel", "global"), 3, "handler failed", List.of()), "dead-lettering again (a retry) adds nothing");
        assertEquals(1, letters.list(source, 10).size());
        assertEquals(0, stream(source).getPendingInfo("event-processors").getTotal(), "acknowledged on the source");

        Optional<String> replayed = letters.replay(source, letter);
        assertTrue(replayed.isPresent());
        assertEquals(Optional.empty(), letters.replay(source, letter), "a dead letter is replayed once");
        assertEquals(0, letters.list(source, 10).size());
        Map<StreamMessageId, Map<String, String>> back = stream(source).range(StreamMessageId.MIN, StreamMessageId.MAX);
        assertEquals(2, back.size(), "the original and its replay");
        assertEquals(Map.of("event", "{\"id\":\"e1\"}", "channel", "global"),
                back.get(StreamIdText.parse(replayed.get())), "the replay carries the original fields only");
    }

    private static RStream<String, String> stream(String name) {
        return client.getStream(name, StringCodec.INSTANCE);
    }
}
