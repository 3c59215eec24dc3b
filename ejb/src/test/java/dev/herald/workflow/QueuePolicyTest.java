package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.workflow.JournalEntry.ProcessingStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {

    private final QueuePolicy policy = new QueuePolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void pendingEventIsClaimableAtOnce() {
        assertTrue(policy.claimable(ProcessingStatus.PENDING, null, null, T0));
    }

    @Test
    void failedEventWaitsForItsRetryTime() {
        assertFalse(policy.claimable(ProcessingStatus.FAILED, T0.plusMillis(1), T0.minusSeconds(1), T0));
        assertTrue(policy.claimable(ProcessingStatus.FAILED, T0, T0.minusSeconds(1), T0));
    }

    @Test
    void processingEventIsTakenOverOnlyAfterTheClaimTimeout() {
        assertFalse(policy.claimable(ProcessingStatus.PROCESSING, null, T0.minusSeconds(29), T0));
        assertTrue(policy.claimable(ProcessingStatus.PROCESSING, null, T0.minusSeconds(30), T0));
    }

    @Test
    void doneAndDeadEventsAreNeverClaimed() {
        assertFalse(policy.claimable(ProcessingStatus.DONE, null, null, T0));
        assertFalse(policy.claimable(ProcessingStatus.DEAD, null, null, T0));
    }

    @Test
    void retryDelayDoublesPerAttemptUpToTheMaximum() {
        assertEquals(Optional.of(T0.plusSeconds(1)), policy.retryAt(1, T0));
        assertEquals(Optional.of(T0.plusSeconds(2)), policy.retryAt(2, T0));
        assertEquals(Optional.of(T0.plusSeconds(4)), policy.retryAt(3, T0));
        assertEquals(Optional.of(T0.plusSeconds(5)), policy.retryAt(4, T0), "capped");
    }

    @Test
    void eventIsDeadAfterMaxAttempts() {
        assertEquals(Optional.empty(), policy.retryAt(5, T0));
        assertEquals(Optional.empty(), new QueuePolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1)).retryAt(1, T0));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QueuePolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new QueuePolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
