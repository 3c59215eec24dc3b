package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A journal row as callers see it. */
public record JournalView(String eventId, long sequence, String eventName, String eventType, String fromState,
                          String toState, String userId, JsonObject payload, Instant createdAt,
                          JournalEntry.ProcessingStatus processingStatus, int attempts, Instant claimedAt) {
}
