package dev.herald.workflow;

import dev.herald.redis.ConsumerGroup;
import dev.herald.redis.DeadLetters;
import dev.herald.redis.StreamIdText;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;

/**
 * The workflow stream through the application's Redisson client and the Redis consumer-group engine
 * ({@link ConsumerGroup}, the subscribers' too): the group is created at the stream's end ({@code $}) at deployment,
 * entries idle longer than the claim idle time are claimed (with their delivery counts), new ones read without
 * blocking, acknowledged one by one, and a group Redis lost is recreated by the engine's restart rule. Dead letters go
 * to {@code workflow:events:global:dead-letter} ({@link DeadLetters}, the subscribers' format and replay).
 */
final class RedisWorkflowStream implements WorkflowStreamPass.Stream {

    private final Supplier<RedissonClient> client;
    private final String key;
    private final String group;
    private final String consumer;
    private final Duration claimIdle;
    private volatile ConsumerGroup engine;
    /** The delivery counts of the entries the last claim took. */
    private final Map<String, Long> claimedDeliveries = new HashMap<>();

    RedisWorkflowStream(Supplier<RedissonClient> client, String key, String group, String consumer, Duration claimIdle) {
        this.client = client;
        this.key = key;
        this.group = group;
        this.consumer = consumer;
        this.claimIdle = claimIdle;
    }

    @Override
    public Map<String, Map<String, String>> claimIdle(int count) {
        claimedDeliveries.clear();
        List<ConsumerGroup.Entry> claimed = new ArrayList<>();
        try {
            engine().claim(key, count, count, claimed::addAll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while claiming", e);
        }
        claimed.forEach(e -> claimedDeliveries.put(e.id().toString(), e.deliveries()));
        return byId(claimed);
    }

    @Override
    public Map<String, Map<String, String>> readNew(int count) {
        return byId(engine().readNew(List.of(key), count, null).getOrDefault(key, List.of()));
    }

    @Override
    public void ack(String id) {
        engine().ack(key, List.of(StreamIdText.parse(id)));
    }

    @Override
    public Map<String, Long> deliveries(Set<String> ids) {
        Map<String, Long> counts = new HashMap<>(claimedDeliveries);
        counts.keySet().retainAll(ids);
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

    /** Creates the group by the start rule (at the stream's end) unless it exists. */
    void ensureGroup() {
        engine().create(List.of(key));
    }

    private ConsumerGroup engine() {
        ConsumerGroup current = engine;
        if (current == null) {
            current = new ConsumerGroup(client.get(), group, consumer, claimIdle, true);
            engine = current;
        }
        return current;
    }

    /** Entries in stream order; one claimed after it was deleted from the stream is acknowledged, nothing to handle. */
    private Map<String, Map<String, String>> byId(List<ConsumerGroup.Entry> entries) {
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        for (ConsumerGroup.Entry entry : entries) {
            if (entry.fields() == null) {
                engine().ack(key, List.of(entry.id()));
            } else {
                ordered.put(entry.id().toString(), entry.fields());
            }
        }
        return ordered;
    }
}
