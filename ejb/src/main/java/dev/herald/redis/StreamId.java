package dev.herald.redis;

import java.util.Objects;

/**
 * A Redis stream entry id, {@code <millis>-<sequence>}. Both parts are unsigned 64-bit numbers on the server, so
 * they are kept in {@code long}s and compared unsigned; ids order as (millis, sequence) pairs.
 */
public record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    /** {@code 0-0}: below every entry a stream can hold (XADD refuses 0-0). */
    public static final StreamId MIN = new StreamId(0, 0);

    /** {@code 18446744073709551615-18446744073709551615}: the largest id. */
    public static final StreamId MAX = new StreamId(-1L, -1L);

    /**
     * Parses {@code "1700000000000-3"}, or a bare {@code "1700000000000"} meaning sequence 0 (as XTRIM MINID and
     * XRANGE read it).
     *
     * @throws IllegalArgumentException when the text is not a stream id
     */
    public static StreamId parse(String text) {
        Objects.requireNonNull(text, "text");
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                return new StreamId(parsePart(text), 0);
            }
            return new StreamId(parsePart(text.substring(0, dash)), parsePart(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a stream id: '" + text + "'", e);
        }
    }

    private static long parsePart(String part) {
        // parseUnsignedLong accepts a leading '+', which Redis would not; insist on digits only.
        if (part.isEmpty() || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(part);
        }
        return Long.parseUnsignedLong(part);
    }

    /** The smallest id of the given millisecond ({@code <millis>-0}); negative millis are clamped to 0. */
    public static StreamId ofMillis(long millis) {
        return new StreamId(Math.max(0, millis), 0);
    }

    /** The smallest id greater than this one. */
    public StreamId next() {
        if (sequence != -1L) {
            return new StreamId(millis, sequence + 1);
        }
        if (millis == -1L) {
            throw new IllegalStateException("No stream id follows " + this);
        }
        return new StreamId(millis + 1, 0);
    }

    /** The largest id smaller than this one; {@code 0-0} for {@code 0-0}, which nothing precedes. */
    public StreamId previous() {
        if (sequence != 0) {
            return new StreamId(millis, sequence - 1);
        }
        if (millis == 0) {
            return MIN;
        }
        return new StreamId(millis - 1, -1L);
    }

    public boolean isBefore(StreamId other) {
        return compareTo(other) < 0;
    }

    public boolean isAfter(StreamId other) {
        return compareTo(other) > 0;
    }

    public static StreamId min(StreamId a, StreamId b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static StreamId max(StreamId a, StreamId b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compareUnsigned(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
    }

    /** The wire form, {@code <millis>-<sequence>}. */
    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
}
