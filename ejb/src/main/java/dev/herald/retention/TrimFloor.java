package dev.herald.retention;

import dev.herald.redis.StreamId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how far a stream may be trimmed: the MINID for {@code XTRIM <stream> MINID <id>}, which removes every entry
 * whose id is below it.
 *
 * <p>The retention policy proposes a candidate: {@code <now - maxAge>-0} for the age rule, the id of the oldest
 * entry to keep ({@code maxLength}-th newest) for the length rule, the larger of the two when both are set. The
 * consumer groups cap it: no entry at or above the smallest {@link GroupState#floor() group floor} is ever removed,
 * so an entry a known group has not yet read and acknowledged survives any policy. A group that has delivered
 * nothing pins the floor at the start of the stream. Without groups the policy alone applies.
 *
 * <p>The length rule needs the id of one entry counted from the end, which only the caller can read; it is asked
 * for through {@link EntryLookup}, at most once per decision, and not at all when the answer cannot change the
 * result (the floor is at the start, the stream is short enough, or the age rule already reaches the floor).
 */
public final class TrimFloor {

    /** Reads one entry id of the stream being decided on. */
    @FunctionalInterface
    public interface EntryLookup {

        /**
         * The id of the {@code n}-th newest entry (1 = the newest), or empty when the stream holds fewer than
         * {@code n} entries. One range read answers it; {@link RangePlan#nthNewest(long, long)} picks the shorter.
         */
        Optional<StreamId> nthNewest(long n);
    }

    /**
     * How to read the {@code n}-th newest entry with one range command: the id wanted is the last one returned.
     *
     * @param reversed {@code true}: {@code XREVRANGE key + - COUNT count}; {@code false}: {@code XRANGE key - + COUNT count}
     * @param count    the COUNT argument
     */
    public record RangePlan(boolean reversed, long count) {

        /** Reads from whichever end of a stream of {@code length} entries is nearer to the {@code n}-th newest. */
        public static RangePlan nthNewest(long length, long n) {
            if (n < 1 || n > length) {
                throw new IllegalArgumentException("No " + n + "-th newest entry in a stream of " + length);
            }
            long fromOldest = length - n + 1;
            return n <= fromOldest ? new RangePlan(true, n) : new RangePlan(false, fromOldest);
        }
    }

    private TrimFloor() {
    }

    /**
     * The smallest id any of the groups may still need, or empty when there are no groups (nothing to protect).
     * {@link StreamId#MIN} means nothing may be trimmed.
     */
    public static Optional<StreamId> floor(Collection<GroupState> groups) {
        return groups.stream().map(GroupState::floor).min(StreamId::compareTo);
    }

    /**
     * The MINID to trim the stream to, or empty when nothing is to be trimmed.
     *
     * @param policy the retention rules; {@link RetentionPolicy#none()} trims nothing
     * @param stream the stream's length and first id (the first id lets a no-op trim be skipped)
     * @param groups every consumer group of the stream, read with XINFO GROUPS <em>before</em> their pending ids
     * @param now    the current time, for the age rule (stream ids carry the Redis server's clock)
     * @param lookup answers the length rule's one entry-id question; not called when it cannot matter
     */
    public static Optional<StreamId> minId(RetentionPolicy policy, StreamState stream, Collection<GroupState> groups,
                                           Instant now, EntryLookup lookup) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lookup, "lookup");
        if (!policy.trims() || stream.length() == 0) {
            return Optional.empty();
        }
        Optional<StreamId> floor = floor(groups);
        Optional<StreamId> first = stream.firstId();
        boolean floorAtTheStart = floor.isPresent()
                && (floor.get().equals(StreamId.MIN) || first.isPresent() && !floor.get().isAfter(first.get()));
        if (floorAtTheStart) {
            return Optional.empty(); // some group still needs the oldest entry: nothing may go, nothing to look up
        }

        Optional<StreamId> candidate = policy.maxAge().map(age -> StreamId.ofMillis(cutoffMillis(now, age)));
        boolean ageReachesFloor = floor.isPresent() && candidate.isPresent() && !candidate.get().isBefore(floor.get());
        if (!ageReachesFloor && policy.maxLength().isPresent() && stream.length() > policy.maxLength().get()) {
            Optional<StreamId> oldestKept = lookup.nthNewest(policy.maxLength().get());
            if (oldestKept.isPresent()) {
                candidate = Optional.of(candidate.map(age -> StreamId.max(age, oldestKept.get())).orElse(oldestKept.get()));
            }
        }
        if (candidate.isEmpty()) {
            return Optional.empty();
        }

        StreamId minId = floor.isPresent() ? StreamId.min(floor.get(), candidate.get()) : candidate.get();
        if (first.isPresent() && !minId.isAfter(first.get())) {
            return Optional.empty();
        }
        return Optional.of(minId);
    }

    /** {@code now - age} in epoch millis; 0 (trim nothing by age) when an absurd age does not fit in a long. */
    private static long cutoffMillis(Instant now, Duration age) {
        try {
            return Math.subtractExact(now.toEpochMilli(), age.toMillis());
        } catch (ArithmeticException e) {
            return 0;
        }
    }
}
