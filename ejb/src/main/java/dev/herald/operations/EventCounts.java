package dev.herald.operations;

/**
 * The event path's counters summed over their tags, since the deployment: events published, events written to
 * Redis (one per channel), and subscriber deliveries handled (one per subscriber).
 */
public record EventCounts(long published, long relayed, long delivered) {
}
