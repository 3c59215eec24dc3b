package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.redis.DeadLetters;
import dev.herald.redis.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
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

/** The workflow stream on the consumer-group engine, against a real Redis ({@link TestRedis}). */
class RedisWorkflowStreamRedisTest {

    private static final String GROUP = "workflow-runtime-test";
    private static final Duration IDLE = Duration.ofMillis(200);
    private static TestRedis redis;
    private static RedissonClient client;

    private final List<String> seen = new ArrayList<>();
    private String key;
    private RedisWorkflowStream stream;

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
        key = "herald-workflow-test-" + UUID.randomUUID() + ":workflow:events:global";
        stream = new RedisWorkflowStream(() -> client, key, GROUP, "herald", IDLE);
    }

    @AfterEach
    void cleanUp() {
        client.getKeys().delete(key, DeadLetters.of(key));
    }

    private RStream<String, String> rs() {
        return client.getStream(key, StringCodec.INSTANCE);
    }

    private void publish(String eventId) {
        rs().add(StreamAddArgs.entries(WorkflowStreamPassTest.entry(eventId, "TICKET_CREATED")));
    }

    private WorkflowStreamPass.Result pass(Consumer<WorkflowStreamEntry> handler, int maxDeliveries) {
        return new WorkflowStreamPass(stream, handler, 10, maxDeliveries).run(() -> false);
    }

    @Test
    void aGroupCreatedAtDeploymentSkipsWhatWasWrittenBefore() {
        publish("before");
        stream.ensureGroup();
        publish("after");
        pass(e -> seen.add(e.eventId()), 3);
        assertEquals(List.of("after"), seen);
    }

    @Test
    void aLostGroupIsRecreatedFromTheLastEntryReadNotFromTheStreamsBeginning() {
        stream.ensureGroup();
        publish("e-1");
        assertEquals(new WorkflowStreamPass.Result(1, 0, 0), pass(e -> seen.add(e.eventId()), 3));
        rs().removeGroup(GROUP);

        assertEquals(new WorkflowStreamPass.Result(0, 0, 0), pass(e -> seen.add(e.eventId()), 3), "recreated");
        publish("e-2");
        pass(e -> seen.add(e.eventId()), 3);
        assertEquals(List.of("e-1", "e-2"), seen, "e-1 is not handled again");
    }

    @Test
    void anEntryLeftPendingByADeadConsumerIsClaimedWithItsDeliveryCountAndDeadLetteredAtTheLast() throws Exception {
        stream.ensureGroup();
        publish("poison");
        assertEquals(1, rs().readGroup(GROUP, "dead", StreamReadGroupArgs.neverDelivered().count(1)).size());
        Thread.sleep(IDLE.toMillis() + 50);

        assertEquals(new WorkflowStreamPass.Result(0, 0, 1), pass(e -> {
            throw new IllegalStateException("no such column");
        }, 2));
        Map<String, String> letter = client.<String, String>getStream(DeadLetters.of(key), StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX).values().iterator().next();
        assertEquals("2", letter.get("deliveries"));
        assertEquals(0, rs().getPendingInfo(GROUP).getTotal());
    }
}
