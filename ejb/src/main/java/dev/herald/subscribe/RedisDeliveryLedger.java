package dev.herald.subscribe;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The ledger on Redis: one key per (event id, channel, subscriber id), {@code {prefix}{eventId}:{channel}:{subscriber}},
 * written with {@code SET NX EX}, so every key carries its own expiry; nothing refreshes it (the wire format's
 * producers keep one set whose expiry every add pushes back, so it never expires under steady traffic).
 */
public final class RedisDeliveryLedger implements DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(RedisDeliveryLedger.class.getName());

    private final RedissonClient redis;
    private final String prefix;
    private final Duration window;

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
    public void markHandled(String key) {
        redis.<String>getBucket(key, StringCodec.INSTANCE).setIfAbsentAsync("1", window).whenComplete((set, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Could not record the handled delivery " + key
                        + "; the subscriber runs again if the entry is redelivered", error);
            }
        });
    }
}
