package dev.herald.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last minutes of the event path's rates, for the console's charts: a ring of {@link RatePoint}s, one per
 * {@link #STEP}, computed from successive readings of the counters. Thread-safe (one writer, the sampler's timer;
 * readers are HTTP requests).
 *
 * <p>A counter that went down (the counters restart at zero when Herald is redeployed) yields no point for that
 * step: the increase is unknown, and a negative or invented rate would be a lie on the chart.
 */
public final class RateHistory {

    /** One point per step; the charts' resolution. */
    public static final Duration STEP = Duration.ofSeconds(10);

    private final int capacity;
    private final Deque<RatePoint> points = new ArrayDeque<>();
    private Instant lastAt;
    private EventCounts last;

    public RateHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records a reading of the counters taken at {@code at}; from the second reading on, adds a point. */
    public synchronized void record(Instant at, EventCounts counts) {
        if (last != null && at.isAfter(lastAt)) {
            double seconds = Duration.between(lastAt, at).toNanos() / 1e9;
            long published = counts.published() - last.published();
            long relayed = counts.relayed() - last.relayed();
            long delivered = counts.delivered() - last.delivered();
            if (published >= 0 && relayed >= 0 && delivered >= 0) {
                points.addLast(new RatePoint(at, seconds, published / seconds, relayed / seconds, delivered / seconds));
                while (points.size() > capacity) {
                    points.removeFirst();
                }
            }
        }
        lastAt = at;
        last = counts;
    }

    /** The points, oldest first. */
    public synchronized List<RatePoint> points() {
        return new ArrayList<>(points);
    }
}
