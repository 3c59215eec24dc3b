package dev.herald.retention;

import dev.herald.redis.StreamId;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a stream at the time of a retention pass (XINFO STREAM, or XLEN plus the first entry).
 *
 * @param length  the number of entries
 * @param firstId the oldest entry's id; empty when the stream is empty (or when the caller does not know it)
 */
public record StreamState(long length, Optional<StreamId> firstId) {

    public StreamState {
        Objects.requireNonNull(firstId, "firstId");
        if (length < 0) {
            throw new IllegalArgumentException("A stream length cannot be negative: " + length);
        }
    }

    public static StreamState of(long length, StreamId firstId) {
        return new StreamState(length, Optional.of(firstId));
    }

    public static StreamState empty() {
        return new StreamState(0, Optional.empty());
    }
}
