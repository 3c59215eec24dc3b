package dev.herald.retention;

import dev.herald.redis.StreamId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one consumer group of a stream still needs, as XINFO GROUPS and XPENDING report it.
 *
 * @param name              the group name (for logs)
 * @param lastDeliveredId   the group's last-delivered-id; {@code 0-0} when it has delivered nothing yet
 * @param smallestPendingId the smallest id delivered to the group but not acknowledged; empty when none is pending
 */
public record GroupState(String name, StreamId lastDeliveredId, Optional<StreamId> smallestPendingId) {

    public GroupState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastDeliveredId, "lastDeliveredId");
        Objects.requireNonNull(smallestPendingId, "smallestPendingId");
    }

    public static GroupState idle(String name, StreamId lastDeliveredId) {
        return new GroupState(name, lastDeliveredId, Optional.empty());
    }

    public static GroupState pending(String name, StreamId lastDeliveredId, StreamId smallestPendingId) {
        return new GroupState(name, lastDeliveredId, Optional.of(smallestPendingId));
    }

    /**
     * The smallest id this group may still need: every entry below it has been delivered to the group and
     * acknowledged. That is the smallest pending id, or the id after the last-delivered one when nothing is pending.
     * Both are considered because XGROUP SETID can move the last-delivered-id back below pending entries, and
     * everything after it is then undelivered again. A group that has delivered nothing pins {@link StreamId#MIN}.
     */
    public StreamId floor() {
        if (lastDeliveredId.equals(StreamId.MIN)) {
            return StreamId.MIN;
        }
        StreamId undelivered = lastDeliveredId.next();
        return smallestPendingId.map(pending -> StreamId.min(pending, undelivered)).orElse(undelivered);
    }
}
