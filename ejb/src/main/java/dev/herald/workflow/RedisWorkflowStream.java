package dev.herald.workflow;

import dev.herald.redis.DeadLetters;
import dev.herald.redis.StreamIdText;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.AutoClaimResult;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The workflow stream through the application's Redisson client: XGROUP CREATE (at the stream's end at deployment,
 * at its beginning if Redis lost the group later; MKSTREAM), XAUTOCLAIM of entries idle longer than the claim idle time,
 * XREADGROUP {@code >} without blocking, XACK, XPENDING for delivery counts, and the dead-letter stream
 * {@code workflow:events:global:dead-letter} ({@link DeadLetters}, the subscribers' format and replay).
 */
final class RedisWorkflowStream implements WorkflowStreamPass.Stream {

    private static final StreamMessageId START = new StreamMessageId(0, 0);

    private final Supplier<RedissonClient> client;
    private final String key;
    private final String group;
    private final String consumer;
    private final Duration claimIdle;
    private volatile boolean groupReady;
    /** Where a missing group starts: the stream's end at deployment, its beginning once Redis may have lost it. */
    private volatile StreamMessageId createAt = StreamMessageId.NEWEST;

    RedisWorkflowStream(Supplier<RedissonClient> client, String key, String group, String consumer, Duration claimIdle) {
        this.client = client;
        this.key = key;
        this.group = group;
        this.consumer = consumer;
        this.claimIdle = claimIdle;
    }

    @Override
    public Map<String, Map<String, String>> claimIdle(int count) {
        AutoClaimResult<String, String> claimed = stream().autoClaim(group, consumer, claimIdle.toMillis(),
                TimeUnit.MILLISECONDS, START, count);
        return byId(claimed.getMessages());
    }

    @Override
    public Map<String, Map<String, String>> readNew(int count) {
        return byId(stream().readGroup(group, consumer, StreamReadGroupArgs.neverDelivered().count(count)));
    }

    @Override
    public void ack(String id) {
        stream().ack(group, StreamIdText.parse(id));
    }

    @Override
    public Map<String, Long> deliveries(Set<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        StreamIdText.deliveries(stream(), group, consumer, ids.stream().map(StreamIdText::parse).toList(), ids.size() * 4)
                .forEach((id, count) -> counts.put(id.toString(), count));
        return counts;
    }

    @Override
    public void deadLetter(String id, Map<String, String> fields, long deliveries, String reason) {
        deadLetters().deadLetter(key, id, fields, deliveries, reason, List.of());
    }

    /** The oldest dead letters of the workflow stream. */
    DeadLetters.Page deadLetterPage(int count) {
        return deadLetters().page(key, count);
    }

    /** Writes a dead letter back to the workflow stream as a new entry; empty when there is no such dead letter. */
    Optional<String> replay(String deadLetterId) {
        return deadLetters().replay(key, deadLetterId);
    }

    private DeadLetters deadLetters() {
        return new DeadLetters(client.get(), group, Clock.systemUTC());
    }

    /**
     * After a failure: Redis may have restarted without its data, so create the group again before reading, this
     * time from the stream's beginning (entries written since are not skipped; one read before is handled again,
     * which the triggers' derived event ids make harmless). An existing group is left as it is.
     */
    void groupMayBeGone() {
        groupReady = false;
        createAt = START;
    }

    /** Creates the group (at the stream's end) unless it exists; done before the first read anyway. */
    void ensureGroup() {
        stream();
    }

    private RStream<String, String> stream() {
        RStream<String, String> stream = client.get().getStream(key, StringCodec.INSTANCE);
        if (!groupReady) {
            try {
                stream.createGroup(StreamCreateGroupArgs.name(group).id(createAt).makeStream());
            } catch (RedisException e) {
                if (e.getMessage() == null || !e.getMessage().contains("BUSYGROUP")) {
                    throw e;
                }
            }
            groupReady = true;
        }
        return stream;
    }

    /** Entries in stream order (Redisson's map may not keep it). */
    private static Map<String, Map<String, String>> byId(Map<StreamMessageId, Map<String, String>> entries) {
        TreeMap<StreamMessageId, Map<String, String>> sorted = new TreeMap<>(StreamIdText.ORDER);
        if (entries != null) {
            sorted.putAll(entries);
        }
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        sorted.forEach((id, fields) -> ordered.put(id.toString(), fields));
        return ordered;
    }
}
