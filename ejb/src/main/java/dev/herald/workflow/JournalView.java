package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A journal row as callers see it. For a queued event: {@code attempts} counts the claims so far, {@code claimedAt}
 * the last one, {@code nextAttemptAt} when a FAILED event is tried again, {@code lastError} why the last attempt
 * failed.
 */
public record JournalView(String eventId, long sequence, String eventName, String eventType, String fromState,
                          String toState, String userId, JsonObject payload, Instant createdAt,
                          JournalEntry.ProcessingStatus processingStatus, int attempts, Instant claimedAt,
                          Instant nextAttemptAt, String lastError) {
}
