package dev.herald.workflow;

import dev.herald.workflow.JournalEntry.ProcessingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a queued journal event may be claimed by a worker and what happens after a failed attempt. Pure: the
 * worker asks it, the storage only records the answer.
 *
 * <ul>
 *   <li>PENDING is claimable at once; FAILED once its retry time has come; PROCESSING only when its claim is older
 *       than the claim timeout (the worker that claimed it is presumed dead, and another takes it over).</li>
 *   <li>Every claim counts as an attempt, so an event that kills its worker each time also ends DEAD.</li>
 *   <li>After a failed attempt: retry after {@code retryDelay}, doubled per attempt up to {@code maxRetryDelay};
 *       after {@code maxAttempts} attempts the event is DEAD.</li>
 * </ul>
 */
public record QueuePolicy(int maxAttempts, Duration claimTimeout, Duration retryDelay, Duration maxRetryDelay) {

    public QueuePolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("herald.workflow.max-attempts must be 1 or more, was " + maxAttempts);
        }
        requirePositive(claimTimeout, "herald.workflow.claim-timeout");
        requirePositive(retryDelay, "herald.workflow.retry-delay");
        requirePositive(maxRetryDelay, "herald.workflow.retry-max-delay");
    }

    public boolean claimable(ProcessingStatus status, Instant nextAttemptAt, Instant claimedAt, Instant now) {
        return switch (status) {
            case PENDING -> true;
            case FAILED -> nextAttemptAt == null || !nextAttemptAt.isAfter(now);
            case PROCESSING -> claimedAt == null || !claimedAt.plus(claimTimeout).isAfter(now);
            case DONE, DEAD, DISCARDED -> false;
        };
    }

    /** The time of the next attempt after {@code attempts} failed ones, or empty when the event is now DEAD. */
    public Optional<Instant> retryAt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(now.plus(delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay));
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
