package dev.herald.subscribe;

import java.time.Duration;

/**
 * How the consumer reads: its group and (per-server) consumer name, the entries per read, how long a read blocks,
 * after how long an unacknowledged entry is claimed from whoever holds it, after how many deliveries it is
 * dead-lettered, the observers' timeout, where a group starts on a stream that already has entries when
 * Herald first subscribes to it ({@code latest}: new entries only; {@code earliest}: the whole stream), how many
 * ordering keys are delivered at once ({@code parallelism}) and how many entries may be read and not yet
 * acknowledged ({@code maxInFlight}).
 */
public record ConsumerSettings(String group, String consumer, int batchSize, Duration block, Duration claimIdle,
                               int maxDeliveries, Duration handlerTimeout, boolean startAtLatest, int parallelism,
                               int maxInFlight) {

    public ConsumerSettings {
        if (batchSize < 1 || maxDeliveries < 1 || parallelism < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("batch size, max deliveries, parallelism and max in flight must be at least 1");
        }
        for (Duration d : new Duration[] {block, claimIdle, handlerTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("block, claim idle and handler timeout must be positive, was " + d);
            }
        }
    }

    /** With {@link SubscriberSettings}' defaults for parallelism and in-flight entries. */
    public ConsumerSettings(String group, String consumer, int batchSize, Duration block, Duration claimIdle,
                            int maxDeliveries, Duration handlerTimeout, boolean startAtLatest) {
        this(group, consumer, batchSize, block, claimIdle, maxDeliveries, handlerTimeout, startAtLatest,
                SubscriberSettings.DEFAULT_PARALLELISM, SubscriberSettings.DEFAULT_MAX_IN_FLIGHT);
    }

    /** How often the consumer looks for entries to claim: half the idle time, between 100 ms and 5 s. */
    public Duration claimEvery() {
        long half = claimIdle.toMillis() / 2;
        return Duration.ofMillis(Math.max(100, Math.min(5_000, half)));
    }
}
