package dev.herald.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.PendingResult;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;
import dev.herald.redis.TestRedis;

/**
 * {@link StreamTrimmer} against a real Redis (6.2 or later: XTRIM MINID, SCAN TYPE): the dev-services Redis on a
 * free port, or the one {@code -Dherald.test.redis=redis://127.0.0.1:6379} names ({@link TestRedis}). Every key it touches carries
 * a random prefix and is deleted afterwards.
 */
class StreamTrimmerRedisTest {

    /** XGROUP CREATE ... 0: the group starts before the first entry (Redisson's MIN prints as '-', refused there). */
    private static final StreamMessageId START = new StreamMessageId(0, 0);

    private static TestRedis redis;
    private static RedissonClient client;
    private static String prefix;
    private static String workflow;

    @BeforeAll
    static void connect() throws Exception {
        redis = TestRedis.start();
        client = redis.client();
        prefix = "herald-retention-test-" + UUID.randomUUID() + ":";
        workflow = prefix + "workflow:events:global";
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (redis != null) {
            client.getKeys().deleteByPattern(StreamTrimmer.globEscape(prefix) + "*");
            redis.close();
        }
    }

    private static RStream<String, String> stream(String name) {
        return client.getStream(name, StringCodec.INSTANCE);
    }

    private static List<StreamMessageId> fill(String name, int count) {
        List<StreamMessageId> ids = new ArrayList<>();
        RStream<String, String> stream = stream(name);
        for (int i = 0; i < count; i++) {
            ids.add(stream.add(StreamAddArgs.entry("event", "{\"n\":" + i + "}")));
        }
        return ids;
    }

    private static List<StreamMessageId> ids(String name) {
        return new ArrayList<>(stream(name).range(StreamMessageId.MIN, StreamMessageId.MAX).keySet());
    }

    private StreamTrimmer trimmer(RetentionPolicy policy) {
        return new StreamTrimmer(client, policy, prefix, workflow);
    }

    @Test
    void trimsToTheOldestUnacknowledgedEntryAndNeverPastIt() {
        String name = prefix + "event-stream:global:TICKET_CREATED";
        List<StreamMessageId> written = fill(name, 20);
        RStream<String, String> stream = stream(name);
        stream.createGroup(StreamCreateGroupArgs.name("event-processors").id(START));
        Map<StreamMessageId, Map<String, String>> read = stream.readGroup("event-processors", "c1",
                StreamReadGroupArgs.neverDelivered().count(10));
        assertEquals(10, read.size());
        stream.ack("event-processors", written.subList(0, 5).toArray(StreamMessageId[]::new));

        long removed = trimmer(RetentionPolicy.maxLength(3)).trim(name, Instant.now());

        assertEquals(5, removed, "the five acknowledged entries, no more: the 6th is pending");
        assertEquals(written.subList(5, 20), ids(name));

        // once everything is acknowledged and delivered, the policy decides
        stream.ack("event-processors", written.subList(5, 10).toArray(StreamMessageId[]::new));
        stream.readGroup("event-processors", "c1", StreamReadGroupArgs.neverDelivered().count(100));
        stream.ack("event-processors", written.subList(10, 20).toArray(StreamMessageId[]::new));
        PendingResult nothingPending = stream.getPendingInfo("event-processors");
        assertEquals(0, nothingPending.getTotal());
        assertNull(nothingPending.getLowestId(), "XPENDING with nothing pending decodes to a null lowest id");
        assertEquals(12, trimmer(RetentionPolicy.maxLength(3)).trim(name, Instant.now()));
        assertEquals(written.subList(17, 20), ids(name));
    }

    @Test
    void undeliveredEntriesOfALaggingGroupSurvive() {
        String name = prefix + "event-stream:global:TICKET_UPDATED";
        List<StreamMessageId> written = fill(name, 12);
        RStream<String, String> stream = stream(name);
        stream.createGroup(StreamCreateGroupArgs.name("fast").id(START));
        stream.createGroup(StreamCreateGroupArgs.name("slow").id(START));
        stream.readGroup("fast", "c", StreamReadGroupArgs.neverDelivered().count(100));
        stream.ack("fast", written.toArray(StreamMessageId[]::new));
        stream.readGroup("slow", "c", StreamReadGroupArgs.neverDelivered().noAck().count(4));

        assertEquals(4, trimmer(RetentionPolicy.maxLength(1)).trim(name, Instant.now()));
        assertEquals(written.subList(4, 12), ids(name));
    }

    @Test
    void groupThatNeverReadPinsTheWholeStream() {
        String name = prefix + "event-stream:global:TICKET_CLOSED";
        fill(name, 6);
        stream(name).createGroup(StreamCreateGroupArgs.name("event-processors").id(START));

        assertEquals(0, trimmer(RetentionPolicy.maxLength(1).withMaxAge(Duration.ofMillis(1)))
                .trim(name, Instant.now().plusSeconds(60)));
        assertEquals(6, stream(name).size());
    }

    @Test
    void aPassTrimsTypeStreamsAndTheWorkflowStreamButNotDeadLetters() {
        String own = prefix + "pass:"; // the other tests' streams stay out of this pass
        String flow = own + "workflow:events:global";
        String type = own + "event-stream:global:INVOICE_CREATED";
        String deadLetter = type + ":dead-letter";
        String notAStream = own + "event-stream:global:NOT_A_STREAM";
        fill(type, 5);
        fill(deadLetter, 5);
        fill(flow, 7);
        client.getBucket(notAStream, StringCodec.INSTANCE).set("x");
        StreamTrimmer trimmer = new StreamTrimmer(client, RetentionPolicy.maxLength(2), own, flow);

        assertEquals(new TreeSet<>(List.of(type, flow)), trimmer.streams());

        RetentionPass pass = trimmer.run(Instant.now());

        assertTrue(pass.ok(), pass.errors().toString());
        assertEquals(2, pass.streamsExamined());
        assertEquals(2, pass.streamsTrimmed());
        assertEquals(3 + 5, pass.entriesTrimmed());
        assertEquals(2, stream(type).size());
        assertEquals(2, stream(flow).size());
        assertEquals(5, stream(deadLetter).size());

        RetentionPass again = trimmer.run(Instant.now());
        assertEquals(0, again.entriesTrimmed(), "a second pass finds nothing more to trim");
    }

    @Test
    void aChannelScopeManagesOnlyThoseChannelsStreams() {
        String own = prefix + "scope:";
        String kept = own + "event-stream:global:TICKET_CREATED";
        String managed = own + "event-stream:bulk:TICKET_CREATED";
        String flow = own + "workflow";
        fill(kept, 5);
        fill(managed, 5);
        fill(flow, 5);
        StreamTrimmer trimmer = new StreamTrimmer(client, RetentionPolicy.maxLength(2), own, flow, RetentionScope.parse("bulk"));

        assertEquals(new TreeSet<>(List.of(managed)), trimmer.streams(), "no global channel: no workflow stream either");
        trimmer.run(Instant.now());
        assertEquals(2, stream(managed).size());
        assertEquals(5, stream(kept).size());
        assertEquals(5, stream(flow).size());
        assertEquals(new TreeSet<>(List.of(kept, flow)),
                new StreamTrimmer(client, RetentionPolicy.maxLength(2), own, flow, RetentionScope.parse("global")).streams());
    }

    @Test
    void missingWorkflowStreamIsNotManaged() {
        StreamTrimmer trimmer = new StreamTrimmer(client, RetentionPolicy.maxLength(2), prefix + "none:", prefix + "none:workflow");
        assertTrue(trimmer.streams().isEmpty());
        RetentionPass pass = trimmer.run(Instant.now());
        assertTrue(pass.ok());
        assertEquals(0, pass.streamsExamined());
    }

    @Test
    void ageRuleTrimsByTheEntryIdClock() {
        String name = prefix + "event-stream:global:AGED";
        RStream<String, String> stream = stream(name);
        long now = System.currentTimeMillis();
        stream.add(new StreamMessageId(now - 60_000, 0), StreamAddArgs.entry("event", "old"));
        stream.add(new StreamMessageId(now - 30_000, 0), StreamAddArgs.entry("event", "older than 20s"));
        stream.add(new StreamMessageId(now - 10_000, 0), StreamAddArgs.entry("event", "recent"));
        stream.add(new StreamMessageId(now, 0), StreamAddArgs.entry("event", "now"));

        assertEquals(2, trimmer(RetentionPolicy.maxAge(Duration.ofSeconds(20))).trim(name, Instant.ofEpochMilli(now)));
        assertEquals(List.of(new StreamMessageId(now - 10_000, 0), new StreamMessageId(now, 0)), ids(name));
    }

    @Test
    void nthNewestReadsTheRightEntryFromEitherEnd() {
        String name = prefix + "event-stream:global:LOOKUP";
        List<StreamMessageId> written = fill(name, 9);
        RStream<String, String> stream = stream(name);
        for (int n = 1; n <= 9; n++) {
            assertEquals(Optional.of(StreamTrimmer.id(written.get(9 - n))), StreamTrimmer.nthNewest(stream, 9, n), "n=" + n);
        }
    }
}
