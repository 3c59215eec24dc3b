package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.workflow.JournalEntry.ProcessingStatus;
import jakarta.ejb.EJBException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueRunnerTest {

    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private final QueuePolicy policy = new QueuePolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10));

    /** A queue in memory that records what the runner asked of it. */
    private static final class FakeQueue implements QueueRunner.Queue {
        final List<QueuedEvent> heads = new ArrayList<>();
        final java.util.Deque<QueuedEvent> next = new java.util.ArrayDeque<>();
        final List<String> claimed = new ArrayList<>();
        final List<QueuedEvent> applied = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        boolean claimWins = true;
        RuntimeException applyFails;

        @Override
        public List<QueuedEvent> heads(int limit) {
            return heads;
        }

        @Override
        public Optional<QueuedEvent> headOf(String tenantId, String executionId) {
            return Optional.ofNullable(next.poll());
        }

        @Override
        public boolean claim(QueuedEvent head, Instant now) {
            claimed.add(head.eventId());
            return claimWins;
        }

        @Override
        public boolean apply(QueuedEvent claim) {
            if (applyFails != null) {
                throw applyFails;
            }
            applied.add(claim);
            return true;
        }

        @Override
        public boolean failed(QueuedEvent claim, String reason, Optional<Instant> retryAt) {
            failures.add(claim.eventId() + " attempt " + claim.attempts() + ": " + reason + " -> "
                    + retryAt.map(Instant::toString).orElse("DEAD"));
            return true;
        }
    }

    private static QueuedEvent head(String eventId, ProcessingStatus status, int attempts, Instant claimedAt) {
        return new QueuedEvent("row-" + eventId, "acme", "x-1", eventId, 1, status, attempts, null, claimedAt);
    }

    @Test
    void claimedEventIsAppliedAsTheNextAttempt() {
        FakeQueue queue = new FakeQueue();
        queue.heads.add(head("e-1", ProcessingStatus.PENDING, 0, null));
        QueueRunner.Pass pass = new QueueRunner(queue, policy, 10).runOnce(CLOCK);
        assertEquals(new QueueRunner.Pass(1, 1, 0, 0), pass);
        assertEquals(1, queue.applied.get(0).attempts());
        assertEquals(ProcessingStatus.PROCESSING, queue.applied.get(0).status());
        assertEquals(T0, queue.applied.get(0).claimedAt());
    }

    @Test
    void afterAnAppliedEventTheSameExecutionsNextEventFollowsInThePass() {
        FakeQueue queue = new FakeQueue();
        queue.heads.add(head("e-1", ProcessingStatus.PENDING, 0, null));
        queue.next.add(head("e-2", ProcessingStatus.PENDING, 0, null));
        queue.next.add(head("e-3", ProcessingStatus.PENDING, 0, null));
        assertEquals(new QueueRunner.Pass(3, 3, 0, 0), new QueueRunner(queue, policy, 10).runOnce(CLOCK));
        assertEquals(List.of("e-1", "e-2", "e-3"), queue.applied.stream().map(QueuedEvent::eventId).toList());
    }

    @Test
    void failedEventStopsItsExecutionForThisPass() {
        FakeQueue queue = new FakeQueue();
        queue.applyFails = new IllegalStateException("refused");
        queue.heads.add(head("e-1", ProcessingStatus.PENDING, 0, null));
        queue.next.add(head("e-2", ProcessingStatus.PENDING, 0, null));
        new QueueRunner(queue, policy, 10).runOnce(CLOCK);
        assertEquals(List.of("e-1"), queue.claimed, "e-2 waits behind the failed e-1");
    }

    @Test
    void eventAnotherWorkerClaimedFirstIsLeftAlone() {
        FakeQueue queue = new FakeQueue();
        queue.claimWins = false;
        queue.heads.add(head("e-1", ProcessingStatus.PENDING, 0, null));
        assertEquals(new QueueRunner.Pass(0, 0, 0, 0), new QueueRunner(queue, policy, 10).runOnce(CLOCK));
        assertEquals(List.of(), queue.applied);
    }

    @Test
    void eventStillInItsClaimTimeoutIsNotEvenClaimed() {
        FakeQueue queue = new FakeQueue();
        queue.heads.add(head("e-1", ProcessingStatus.PROCESSING, 1, T0.minusSeconds(5)));
        new QueueRunner(queue, policy, 10).runOnce(CLOCK);
        assertEquals(List.of(), queue.claimed);
    }

    @Test
    void staleProcessingEventIsTakenOverAndApplied() {
        FakeQueue queue = new FakeQueue();
        queue.heads.add(head("e-1", ProcessingStatus.PROCESSING, 1, T0.minusSeconds(31)));
        assertEquals(new QueueRunner.Pass(1, 1, 0, 0), new QueueRunner(queue, policy, 10).runOnce(CLOCK));
        assertEquals(2, queue.applied.get(0).attempts());
    }

    @Test
    void failedApplyIsRecordedWithItsUnwrappedReasonAndARetryTime() {
        FakeQueue queue = new FakeQueue();
        queue.applyFails = new EJBException(new IllegalStateException("database says no"));
        queue.heads.add(head("e-1", ProcessingStatus.PENDING, 0, null));
        assertEquals(new QueueRunner.Pass(1, 0, 1, 0), new QueueRunner(queue, policy, 10).runOnce(CLOCK));
        assertEquals(List.of("e-1 attempt 1: IllegalStateException: database says no -> " + T0.plusSeconds(1)), queue.failures);
    }

    @Test
    void lastAllowedAttemptFailingMakesTheEventDead() {
        FakeQueue queue = new FakeQueue();
        queue.applyFails = new IllegalStateException("refused");
        queue.heads.add(new QueuedEvent("row", "acme", "x-1", "e-1", 4, ProcessingStatus.FAILED, 2, T0, T0.minusSeconds(2)));
        assertEquals(new QueueRunner.Pass(1, 0, 0, 1), new QueueRunner(queue, policy, 10).runOnce(CLOCK));
        assertTrue(queue.failures.get(0).endsWith("-> DEAD"), queue.failures.toString());
    }
}
