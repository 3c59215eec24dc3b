package dev.herald.relay;

import dev.herald.redis.RedisKeys;
import dev.herald.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/** Reads back what the relay wrote, newest first: the operator's view of a per-type stream. */
@ApplicationScoped
public class RelayedStreams {

    public record Entry(String id, Map<String, String> fields) {
    }

    public record Tail(String stream, long length, List<Entry> entries) {
    }

    @Inject
    RedisConnection redis;

    @Inject
    RedisKeys configuration;

    public Tail tail(String channel, String eventType, int count) {
        String name = new WireFormat(configuration).typeStream(channel, eventType);
        RStream<String, String> stream = redis.client().getStream(name, StringCodec.INSTANCE);
        List<Entry> entries = stream.rangeReversed(count, StreamMessageId.MAX, StreamMessageId.MIN).entrySet().stream()
                .map(e -> new Entry(e.getKey().toString(), e.getValue())).toList();
        return new Tail(name, stream.size(), entries);
    }
}
