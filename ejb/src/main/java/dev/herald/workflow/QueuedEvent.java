package dev.herald.workflow;

import dev.herald.workflow.JournalEntry.ProcessingStatus;
import java.time.Instant;

/**
 * A queued journal row as the workers see it: the next event of its execution (every earlier sequence is
 * applied), with what {@link QueuePolicy} needs to decide whether it may be claimed. {@code attempts} doubles as
 * the claim's compare-and-set token: a claim succeeds only on the row still at the attempts the worker read.
 */
public record QueuedEvent(String rowId, String tenantId, String executionId, String eventId, long sequence,
                          ProcessingStatus status, int attempts, Instant nextAttemptAt, Instant claimedAt) {

    /** The claim a worker holds after claiming this row: the row at one more attempt, PROCESSING. */
    public QueuedEvent claimed(Instant at) {
        return new QueuedEvent(rowId, tenantId, executionId, eventId, sequence, ProcessingStatus.PROCESSING, attempts + 1,
                null, at);
    }
}
