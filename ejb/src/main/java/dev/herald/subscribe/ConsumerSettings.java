package dev.herald.subscribe;

import java.time.Duration;

/**
 * How the consumer reads: its group and (per-server) consumer name, the entries per read, how long a read blocks,
 * after how long an unacknowledged entry is claimed from whoever holds it, after how many deliveries it is
 * dead-lettered, the observers' timeout, and where a group starts on a stream that already has entries when
 * Herald first subscribes to it ({@code latest}: new entries only; {@code earliest}: the whole stream).
 */
public record ConsumerSettings(String group, String consumer, int batchSize, Duration block, Duration claimIdle,
                               int maxDeliveries, Duration handlerTimeout, boolean startAtLatest) {

    public ConsumerSettings {
        if (batchSize < 1 || maxDeliveries < 1) {
            throw new IllegalArgumentException("batch size and max deliveries must be at least 1");
        }
        for (Duration d : new Duration[] {block, claimIdle, handlerTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("block, claim idle and handler timeout must be positive, was " + d);
            }
        }
    }

    /** How often the consumer looks for entries to claim: half the idle time, between 100 ms and 5 s. */
    public Duration claimEvery() {
        long half = claimIdle.toMillis() / 2;
        return Duration.ofMillis(Math.max(100, Math.min(5_000, half)));
    }
}
