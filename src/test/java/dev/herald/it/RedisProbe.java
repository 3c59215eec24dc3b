package dev.herald.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** A plain Redisson client on the test Redis, reading what Herald wrote exactly as an existing consumer would. */
final class RedisProbe implements AutoCloseable {

    private RedissonClient client;

    RedisProbe() {
        client = connect();
    }

    private static RedissonClient connect() {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + Integer.getInteger("it.redis.port"))
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(4).setSubscriptionConnectionMinimumIdleSize(1);
        return Redisson.create(config);
    }

    /** The client itself, for what a consumer does beyond reading (groups, acknowledgements). */
    RedissonClient client() {
        return client;
    }

    /** Every entry of a stream, oldest first, as field maps. */
    List<Map<String, String>> entries(String stream) {
        Map<StreamMessageId, Map<String, String>> range;
        try {
            range = client.<String, String>getStream(stream, StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX);
        } catch (RedisConnectionException e) {
            // A test that restarted Redis leaves this client's pooled connections dead, and Redisson may not have
            // replaced them yet: a consumer connecting now reads what is there.
            client.shutdown();
            client = connect();
            range = client.<String, String>getStream(stream, StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX);
        }
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
