package dev.herald.operations;

/**
 * The workflow queue as the last sample counted it.
 *
 * @param queued queued events not applied yet and not given up on (PENDING, PROCESSING, FAILED waiting for a retry)
 * @param dead   queued events given up on after their last attempt (DEAD), each closing its execution's queue
 */
public record QueueCounts(long queued, long dead) {
}
