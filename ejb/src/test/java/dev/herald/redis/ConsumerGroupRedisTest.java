package dev.herald.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;

/** {@link ConsumerGroup}, the one consumer-group engine, against a real Redis ({@link TestRedis}). */
class ConsumerGroupRedisTest {

    private static final String GROUP = "engine-test";
    private static final Duration IDLE = Duration.ofMillis(200);
    private static TestRedis redis;
    private static RedissonClient client;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private String prefix;
    private String stream;

    @BeforeAll
    static void connect() throws Exception {
        redis = TestRedis.start();
        client = redis.client();
    }

    @AfterAll
    static void close() throws Exception {
        redis.close();
    }

    @BeforeEach
    void names() {
        prefix = "herald-engine-test-" + UUID.randomUUID() + ":";
        stream = prefix + "stream";
        Logger.getLogger(ConsumerGroup.class.getName()).addHandler(capture);
    }

    @AfterEach
    void cleanUp() {
        Logger.getLogger(ConsumerGroup.class.getName()).removeHandler(capture);
        client.getKeys().deleteByPattern(prefix + "*");
    }

    private ConsumerGroup group(String consumer, boolean startAtLatest) {
        return new ConsumerGroup(client, GROUP, consumer, IDLE, startAtLatest);
    }

    private RStream<String, String> rs(String name) {
        return client.getStream(name, StringCodec.INSTANCE);
    }

    private String add(String name, String value) {
        return rs(name).add(StreamAddArgs.entries(Map.of("v", value))).toString();
    }

    /** The values read, acknowledging them. */
    private List<String> readAndAck(ConsumerGroup group, String name) {
        List<ConsumerGroup.Entry> entries = group.readNew(List.of(name), 100, null).getOrDefault(name, List.of());
        group.ack(name, entries.stream().map(ConsumerGroup.Entry::id).toList());
        return values(entries);
    }

    private static List<String> values(List<ConsumerGroup.Entry> entries) {
        return entries.stream().map(e -> e.fields().get("v")).toList();
    }

    private List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    @Test
    void aGroupCreatedOnAMissingStreamReadsEverythingWrittenAfterwards() {
        ConsumerGroup group = group("c1", true);
        assertEquals(List.of(stream), group.create(List.of(stream)));
        add(stream, "a");
        assertEquals(List.of("a"), readAndAck(group, stream));
    }

    @Test
    void aGroupCreatedOnAStreamWithHistoryStartsAtItsEndWhenStartingAtLatest() {
        add(stream, "old");
        ConsumerGroup group = group("c1", true);
        assertEquals(List.of(stream), group.create(List.of(stream)));
        assertEquals(List.of(), group.create(List.of(stream)), "an existing group is left as it is");
        add(stream, "new");
        assertEquals(List.of("new"), readAndAck(group, stream));
    }

    @Test
    void aGroupCreatedOnAStreamWithHistoryStartsAtItsBeginningWhenStartingAtEarliest() {
        add(stream, "old");
        ConsumerGroup group = group("c1", false);
        group.create(List.of(stream));
        add(stream, "new");
        assertEquals(List.of("old", "new"), readAndAck(group, stream));
    }

    @Test
    void newEntriesOfSeveralStreamsAreReadInOneCallInStreamOrderWithDeliveryOne() {
        String other = prefix + "other";
        ConsumerGroup group = group("c1", true);
        group.create(List.of(stream, other));
        add(stream, "a1");
        add(other, "b1");
        add(stream, "a2");
        Map<String, List<ConsumerGroup.Entry>> read = group.readNew(List.of(stream, other), 10, Duration.ofMillis(100));
        assertEquals(List.of("a1", "a2"), values(read.get(stream)));
        assertEquals(List.of("b1"), values(read.get(other)));
        assertTrue(read.values().stream().flatMap(List::stream).allMatch(e -> e.deliveries() == 1));
    }

    @Test
    void entriesIdleLongerThanTheClaimIdleTimeAreClaimedWithTheirDeliveryCounts() throws Exception {
        ConsumerGroup group = group("herald", true);
        group.create(List.of(stream));
        add(stream, "a");
        add(stream, "b");
        assertEquals(2, rs(stream).readGroup(GROUP, "dead", StreamReadGroupArgs.neverDelivered().count(10)).size());
        List<ConsumerGroup.Entry> claimed = new ArrayList<>();

        assertEquals(0, group.claim(stream, 10, 10, claimed::addAll), "not idle long enough yet");
        Thread.sleep(IDLE.toMillis() + 50);
        assertEquals(2, group.claim(stream, 10, 10, claimed::addAll));
        assertEquals(List.of("a", "b"), values(claimed));
        assertEquals(List.of(2L, 2L), claimed.stream().map(ConsumerGroup.Entry::deliveries).toList());

        claimed.clear();
        Thread.sleep(IDLE.toMillis() + 50);
        assertEquals(1, group.claim(stream, 10, 1, claimed::addAll), "no more than the limit");
        assertEquals(List.of(3L), claimed.stream().map(ConsumerGroup.Entry::deliveries).toList());
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().startsWith("Claimed 2 unacknowledged entries of " + stream)),
                "operators see the claims");
    }

    @Test
    void aVanishedGroupIsRecreatedFromTheLastEntryRead() {
        ConsumerGroup group = group("herald", true);
        group.create(List.of(stream));
        add(stream, "a");
        add(stream, "b");
        assertEquals(List.of("a", "b"), readAndAck(group, stream));
        rs(stream).removeGroup(GROUP);

        assertEquals(List.of(), readAndAck(group, stream), "NOGROUP: recreated, nothing read this round");
        add(stream, "c");
        assertEquals(List.of("c"), readAndAck(group, stream), "acknowledged history is not read again");
        assertEquals(1, warnings().size(), "logged once: " + warnings());
        assertTrue(warnings().get(0).startsWith("Consumer group " + GROUP + " was missing"), warnings().get(0));
    }

    @Test
    void anEntryLeftUnacknowledgedWhenTheGroupVanishedIsReadAgain() {
        ConsumerGroup group = group("herald", true);
        group.create(List.of(stream));
        add(stream, "a");
        assertEquals(List.of("a"), readAndAck(group, stream));
        add(stream, "b");
        add(stream, "c");
        List<ConsumerGroup.Entry> read = group.readNew(List.of(stream), 10, null).get(stream);
        group.ack(stream, List.of(read.get(1).id())); // c done, b failed and left pending
        rs(stream).removeGroup(GROUP);

        assertEquals(List.of(), readAndAck(group, stream));
        assertEquals(List.of("b", "c"), readAndAck(group, stream), "from the pending entry on, not from the beginning");
    }

    @Test
    void anEntryAnotherConsumerLeftPendingWhenTheGroupVanishedIsReadAgain() throws Exception {
        ConsumerGroup group = group("herald", true);
        group.create(List.of(stream));
        add(stream, "a");
        assertEquals(List.of("a"), readAndAck(group, stream));
        add(stream, "b");
        rs(stream).readGroup(GROUP, "other-server", StreamReadGroupArgs.neverDelivered().count(1));
        assertEquals(0, group.claim(stream, 10, 10, e -> { }), "not idle yet: seen pending, not claimed");
        add(stream, "c");
        assertEquals(List.of("c"), readAndAck(group, stream));
        rs(stream).removeGroup(GROUP);

        assertEquals(0, group.claim(stream, 10, 10, e -> { }), "NOGROUP: recreated");
        assertEquals(List.of("b", "c"), readAndAck(group, stream));
    }

    @Test
    void aGroupVanishedWithItsStreamStartsAtTheBeginningOfTheNewStream() {
        ConsumerGroup group = group("herald", true);
        group.create(List.of(stream));
        add(stream, "a");
        assertEquals(List.of("a"), readAndAck(group, stream));
        client.getKeys().delete(stream); // Redis restarted without its data
        // written again before the consumer noticed, with ids below the last one it read (another clock)
        rs(stream).add(new StreamMessageId(1, 1), StreamAddArgs.entries(Map.of("v", "after restart")));

        assertEquals(List.of(), readAndAck(group, stream));
        assertEquals(List.of("after restart"), readAndAck(group, stream));
        assertTrue(warnings().get(0).contains("=0"), warnings().get(0));
    }

    @Test
    void aGroupVanishedWithItsStreamIsRecreatedWithTheStream() {
        ConsumerGroup group = group("herald", true);
        group.create(List.of(stream));
        add(stream, "a");
        assertEquals(List.of("a"), readAndAck(group, stream));
        client.getKeys().delete(stream);

        assertEquals(List.of(), readAndAck(group, stream));
        add(stream, "b");
        assertEquals(List.of("b"), readAndAck(group, stream));
    }

    @Test
    void aGroupVanishedOnSeveralStreamsIsRecreatedOnEachAndLoggedOnce() {
        String other = prefix + "other";
        ConsumerGroup group = group("herald", true);
        group.create(List.of(stream, other));
        rs(stream).removeGroup(GROUP);
        rs(other).removeGroup(GROUP);

        assertEquals(Map.of(), group.readNew(List.of(stream, other), 10, null));
        add(stream, "a");
        add(other, "b");
        assertEquals(2, group.readNew(List.of(stream, other), 10, null).size());
        assertEquals(1, warnings().size(), "one line: " + warnings());
    }
}
