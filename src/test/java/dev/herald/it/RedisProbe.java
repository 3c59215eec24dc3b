package dev.herald.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** A plain Redisson client on the test Redis, reading what Herald wrote exactly as an existing consumer would. */
final class RedisProbe implements AutoCloseable {

    private final RedissonClient client;

    RedisProbe() {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + Integer.getInteger("it.redis.port"))
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(4).setSubscriptionConnectionMinimumIdleSize(1);
        client = Redisson.create(config);
    }

    /** The client itself, for what a consumer does beyond reading (groups, acknowledgements). */
    RedissonClient client() {
        return client;
    }

    /** Every entry of a stream, oldest first, as field maps. */
    List<Map<String, String>> entries(String stream) {
        Map<StreamMessageId, Map<String, String>> range = client.<String, String>getStream(stream, StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX);
        return new ArrayList<>(range.values());
    }

    /** Collects every message published on the channel from now on. */
    BlockingQueue<String> subscribe(String channel) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.getTopic(channel, StringCodec.INSTANCE).addListener(String.class, (name, message) -> received.add(message));
        return received;
    }

    void setString(String key, String value) {
        client.<String>getBucket(key, StringCodec.INSTANCE).set(value);
    }

    void delete(String key) {
        client.getKeys().delete(key);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
