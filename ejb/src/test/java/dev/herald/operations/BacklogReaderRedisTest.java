package dev.herald.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.redis.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;

/** The backlog script against a real Redis (the development services' 6.2, which reports no lag: it is counted). */
class BacklogReaderRedisTest {

    private static TestRedis redis;
    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final String workflowStream = prefix + "workflow:events:global";

    @BeforeAll
    static void startRedis() throws Exception {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @AfterEach
    void deleteKeys() {
        redis.client().getKeys().deleteByPattern(prefix + "*");
    }

    private RStream<String, String> stream(String key, int entries) {
        RStream<String, String> stream = redis.client().getStream(key, StringCodec.INSTANCE);
        for (int i = 0; i < entries; i++) {
            stream.add(StreamAddArgs.entries(Map.of("n", String.valueOf(i))));
        }
        return stream;
    }

    private BacklogReader reader(int limit) {
        return new BacklogReader(redis.client(), prefix, workflowStream, limit);
    }

    @Test
    void aGroupsLagIsTheEntriesAfterItsLastDeliveredOneAndPendingIsWhatItReadWithoutAcknowledging() {
        String key = prefix + "event-stream:global:TICKET_CREATED";
        RStream<String, String> stream = stream(key, 3);
        stream.createGroup(StreamCreateGroupArgs.name("subscribers").id(StreamMessageId.ALL));
        stream.readGroup("subscribers", "c1", StreamReadGroupArgs.neverDelivered().count(2)); // 2 read, none acknowledged
        stream(key, 4);

        List<String> errors = new ArrayList<>();
        List<StreamBacklog> backlog = reader(100).read(errors);

        assertEquals(List.of(), errors);
        assertEquals(1, backlog.size(), backlog.toString());
        StreamBacklog read = backlog.get(0);
        assertEquals(Optional.of("global"), read.channel());
        assertEquals(Optional.of("TICKET_CREATED"), read.eventType());
        assertEquals(7, read.length());
        GroupBacklog group = read.group("subscribers").orElseThrow();
        assertEquals(5, group.lag(), "1 left of the first 3, and the 4 written after the read");
        assertFalse(group.lagCapped());
        assertEquals(2, group.pending());
        assertEquals(1, group.consumers());
    }

    @Test
    void aGroupThatReadEverythingHasNoLagAndAGroupThatReadNothingLagsByTheWholeStream() {
        String key = prefix + "event-stream:billing:INVOICE_CREATED";
        RStream<String, String> stream = stream(key, 5);
        stream.createGroup(StreamCreateGroupArgs.name("caught-up").id(StreamMessageId.ALL));
        stream.readGroup("caught-up", "c1", StreamReadGroupArgs.neverDelivered().count(10));
        stream.createGroup(StreamCreateGroupArgs.name("fresh").id(StreamMessageId.ALL));

        StreamBacklog read = reader(100).read(new ArrayList<>()).get(0);

        assertEquals(0, read.group("caught-up").orElseThrow().lag());
        assertEquals(5, read.group("caught-up").orElseThrow().pending());
        assertEquals(5, read.group("fresh").orElseThrow().lag());
        assertEquals(0, read.group("fresh").orElseThrow().pending());
    }

    @Test
    void aLagAboveTheCountLimitIsReportedAsTheLimitAndMarkedCapped() {
        String key = prefix + "event-stream:global:TICKET_UPDATED";
        stream(key, 12).createGroup(StreamCreateGroupArgs.name("slow").id(StreamMessageId.ALL));

        GroupBacklog group = reader(10).read(new ArrayList<>()).get(0).group("slow").orElseThrow();

        assertEquals(10, group.lag());
        assertTrue(group.lagCapped());
    }

    @Test
    void deadLettersAreCountedPerStreamAndAStreamWithoutGroupOrDeadLetterIsLeftOut() {
        String withDead = prefix + "event-stream:global:TICKET_DELETED";
        stream(withDead, 2);
        stream(withDead + ":dead-letter", 3);
        stream(prefix + "event-stream:global:TICKET_CLOSED", 2); // nobody consumes it
        stream(workflowStream, 1).createGroup(StreamCreateGroupArgs.name("workflow-runtime-v2").id(StreamMessageId.ALL));
        stream(workflowStream + ":dead-letter", 1);

        List<StreamBacklog> backlog = reader(100).read(new ArrayList<>());

        assertEquals(List.of(withDead, workflowStream), backlog.stream().map(StreamBacklog::stream).toList());
        assertEquals(3, backlog.get(0).deadLetters());
        assertEquals(List.of(), backlog.get(0).groups());
        StreamBacklog workflow = backlog.get(1);
        assertEquals(Optional.empty(), workflow.channel());
        assertEquals(1, workflow.deadLetters());
        assertEquals(1, workflow.group("workflow-runtime-v2").orElseThrow().lag());
    }
}
