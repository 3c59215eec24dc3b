package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A buffered early event as callers see it. */
public record EarlyEventView(String eventId, String workflowName, String correlationKey, String eventName,
                             JsonObject payload, Instant receivedAt, Instant expiresAt) {
}
