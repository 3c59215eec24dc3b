package dev.herald.subscribe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The ledger on Redis: one key per (event id, channel, subscriber id), {@code {prefix}{eventId}:{channel}:{subscriber}},
 * written with {@code SET NX EX}, so every key carries its own expiry; nothing refreshes it (the wire format's
 * producers keep one set whose expiry every add pushes back, so it never expires under steady traffic).
 *
 * <p>Marks are queued by the delivering threads and written by {@link #flush()}, one pipelined batch of
 * {@code SET NX EX} per flush (the consumer flushes once per round, before it acknowledges), instead of one
 * command per mark.
 */
public final class RedisDeliveryLedger implements DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(RedisDeliveryLedger.class.getName());

    private final RedissonClient redis;
    private final String prefix;
    private final Duration window;
    private final ConcurrentLinkedQueue<String> unwritten = new ConcurrentLinkedQueue<>();

    public RedisDeliveryLedger(RedissonClient redis, String prefix, Duration window) {
        this.redis = redis;
        this.prefix = prefix;
        this.window = window;
    }

    @Override
    public String key(String eventId, String channel, String subscriberId) {
        return prefix + eventId + ":" + channel + ":" + subscriberId;
    }

    @Override
    public Set<String> handled(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(redis.getBuckets(StringCodec.INSTANCE).get(keys.toArray(String[]::new)).keySet());
    }

    @Override
    public java.util.concurrent.CompletionStage<Set<String>> handledAsync(Collection<String> keys) {
        if (keys.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(Set.of());
        }
        return redis.getBuckets(StringCodec.INSTANCE).<String>getAsync(keys.toArray(String[]::new))
                .thenApply(found -> Set.copyOf(found.keySet()));
    }

    @Override
    public void markHandled(String key) {
        unwritten.add(key);
    }

    @Override
    public void flush() {
        List<String> keys = new ArrayList<>();
        for (String key = unwritten.poll(); key != null; key = unwritten.poll()) {
            keys.add(key);
        }
        if (keys.isEmpty()) {
            return;
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults().skipResult());
        for (String key : keys) {
            batch.<String>getBucket(key, StringCodec.INSTANCE).setIfAbsentAsync("1", window);
        }
        batch.executeAsync().whenComplete((result, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Could not record " + keys.size() + " handled deliveries " + keys
                        + " (each names its event id); their subscribers run again if the entries are redelivered", error);
            }
        });
    }
}
