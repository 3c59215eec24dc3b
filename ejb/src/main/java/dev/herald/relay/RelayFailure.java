package dev.herald.relay;

import java.time.Instant;

/** What the relay records of an event it could not write, as callers read it (the entity stays in this package). */
public record RelayFailure(String eventId, String eventType, FailedEvent.Status status, int attempts, String channels,
                           String tenantId, Instant firstFailedAt, Instant lastFailedAt, String lastError,
                           Instant deadLetteredAt, Instant replayedAt) {

    static RelayFailure of(FailedEvent f) {
        return new RelayFailure(f.getEventId(), f.getEventType(), f.getStatus(), f.getAttempts(), f.getChannels(),
                f.getTenantId(), f.getFirstFailedAt(), f.getLastFailedAt(), f.getLastError(), f.getDeadLetteredAt(),
                f.getReplayedAt());
    }
}
