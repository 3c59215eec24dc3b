package dev.herald.subscribe;

import dev.herald.retention.StreamId;
import org.redisson.api.StreamMessageId;

/** Entry ids as text ({@code 1700000000000-3}) and as Redisson's {@link StreamMessageId}. */
final class StreamIdText {

    private StreamIdText() {
    }

    static StreamMessageId parse(String text) {
        StreamId id = StreamId.parse(text);
        return new StreamMessageId(id.millis(), id.sequence());
    }
}
