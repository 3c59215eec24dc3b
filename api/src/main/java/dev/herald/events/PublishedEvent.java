package dev.herald.events;

import java.time.Instant;

/** The receipt of a published event: its id on the wire, its type, when it was stamped, and its tenant's UUID. */
public record PublishedEvent(String id, String eventType, Instant timestamp, String tenantId) {
}
