package dev.herald.redis;

import dev.herald.redis.StreamId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.redisson.api.PendingEntry;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;

/**
 * Entry ids as text ({@code 1700000000000-3}) and as Redisson's {@link StreamMessageId}, their stream order, and how
 * often a consumer group has delivered pending entries.
 */
public final class StreamIdText {

    /** Stream order (Redisson's maps and StreamMessageId itself do not keep or define it). */
    public static final Comparator<StreamMessageId> ORDER =
            Comparator.comparingLong(StreamMessageId::getId0).thenComparingLong(StreamMessageId::getId1);

    private StreamIdText() {
    }

    public static StreamMessageId parse(String text) {
        StreamId id = StreamId.parse(text);
        return new StreamMessageId(id.millis(), id.sequence());
    }

    /**
     * The delivery count (XPENDING) of the consumer's pending entries from the first to the last of {@code ids},
     * at most {@code limit} of them (other pending entries of the consumer may lie in between), this delivery
     * included; an id missing from the answer is no longer pending.
     */
    public static Map<StreamMessageId, Long> deliveries(RStream<String, String> stream, String group, String consumer,
                                                        Collection<StreamMessageId> ids, int limit) {
        Map<StreamMessageId, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        StreamMessageId min = ids.stream().min(ORDER).orElseThrow();
        StreamMessageId max = ids.stream().max(ORDER).orElseThrow();
        for (PendingEntry pending : stream.listPending(group, consumer, min, max, limit)) {
            counts.put(pending.getId(), pending.getLastTimeDelivered());
        }
        return counts;
    }
}
