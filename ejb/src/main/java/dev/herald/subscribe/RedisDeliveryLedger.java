package dev.herald.subscribe;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The ledger on Redis: one key per (event id, channel, subscriber id), {@code {prefix}{eventId}:{channel}:{subscriber}},
 * written with {@code SET NX EX}, so every key carries its own expiry; nothing refreshes it (the wire format's
 * producers keep one set whose expiry every add pushes back, so it never expires under steady traffic).
 */
public final class RedisDeliveryLedger implements DeliveryLedger {

    private final RedissonClient redis;
    private final String prefix;
    private final Duration window;

    public RedisDeliveryLedger(RedissonClient redis, String prefix, Duration window) {
        this.redis = redis;
        this.prefix = prefix;
        this.window = window;
    }

    String key(String eventId, String channel, String subscriberId) {
        return prefix + eventId + ":" + channel + ":" + subscriberId;
    }

    @Override
    public Set<String> handled(String eventId, String channel, List<String> subscriberIds) {
        String[] keys = subscriberIds.stream().map(id -> key(eventId, channel, id)).toArray(String[]::new);
        Map<String, Object> found = redis.getBuckets(StringCodec.INSTANCE).get(keys);
        Set<String> handled = new HashSet<>();
        for (String id : subscriberIds) {
            if (found.containsKey(key(eventId, channel, id))) {
                handled.add(id);
            }
        }
        return handled;
    }

    @Override
    public void markHandled(String eventId, String channel, String subscriberId) {
        redis.<String>getBucket(key(eventId, channel, subscriberId), StringCodec.INSTANCE).setIfAbsent("1", window);
    }
}
