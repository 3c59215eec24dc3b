package dev.herald.workflow;

import jakarta.ejb.EJBException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass of a queue worker: read the head event of each execution that has queued work, claim those the
 * {@link QueuePolicy} allows, apply each, and record every failure (with its reason, a retry time or DEAD). Plain
 * Java over a {@link Queue}, so the order of claim, apply and failure bookkeeping is tested without a server.
 *
 * <p>Each step is its own transaction on the storage side: a claim is visible to other workers before the event
 * is applied, and a failed apply (rolled back) is recorded afterwards in a transaction that commits.
 */
public final class QueueRunner {

    private static final Logger LOG = Logger.getLogger(QueueRunner.class.getName());

    /** The storage a pass works on; every method is one transaction. */
    public interface Queue {
        /** The oldest not-yet-applied event of executions whose earlier events are all applied, oldest first. */
        List<QueuedEvent> heads(int limit);

        /** The execution's next not-yet-applied event, if its earlier ones are all applied. */
        Optional<QueuedEvent> headOf(String tenantId, String executionId);

        /** Marks the row PROCESSING at one more attempt if it is still as read; false if another worker got it. */
        boolean claim(QueuedEvent head, Instant now);

        /** Applies the claimed event to its execution and marks it DONE; false if another worker took it over. */
        boolean apply(QueuedEvent claim);

        /** Records a failed attempt: FAILED until {@code retryAt}, or DEAD when empty. False if no longer ours. */
        boolean failed(QueuedEvent claim, String reason, Optional<Instant> retryAt);
    }

    /** What a pass did, for logs and tests. */
    public record Pass(int claimed, int done, int failed, int dead) {
    }

    private final Queue queue;
    private final QueuePolicy policy;
    private final int batch;

    public QueueRunner(Queue queue, QueuePolicy policy, int batch) {
        this.queue = queue;
        this.policy = policy;
        this.batch = batch;
    }

    /**
     * Takes every execution's head and, after each event applied, that execution's next one (so a backlog drains
     * within one pass, at most {@code batch} events per execution), until an event fails or is not claimable.
     */
    public Pass runOnce(Clock clock) {
        int[] counts = new int[4];
        for (QueuedEvent first : queue.heads(batch)) {
            Optional<QueuedEvent> head = Optional.of(first);
            for (int taken = 0; head.isPresent() && taken < batch && attempt(head.get(), clock.instant(), counts); taken++) {
                head = queue.headOf(first.tenantId(), first.executionId());
            }
        }
        return new Pass(counts[0], counts[1], counts[2], counts[3]);
    }

    /** Claims and applies one event; true when it was applied (its execution's next event may follow). */
    private boolean attempt(QueuedEvent head, Instant now, int[] counts) {
        if (!policy.claimable(head.status(), head.nextAttemptAt(), head.claimedAt(), now) || !queue.claim(head, now)) {
            return false;
        }
        counts[0]++;
        if (head.status() == JournalEntry.ProcessingStatus.PROCESSING) {
            LOG.warning("Workflow event " + head.eventId() + " (execution " + head.executionId() + ", sequence "
                    + head.sequence() + ") was left PROCESSING since " + head.claimedAt() + "; taken over");
        }
        QueuedEvent claim = head.claimed(now);
        try {
            boolean applied = queue.apply(claim);
            if (applied) {
                counts[1]++;
            }
            return applied;
        } catch (RuntimeException e) {
            String reason = reason(e);
            Optional<Instant> retryAt = policy.retryAt(claim.attempts(), now);
            LOG.log(Level.WARNING, "Workflow event " + claim.eventId() + " (execution " + claim.executionId()
                    + ", sequence " + claim.sequence() + ") failed attempt " + claim.attempts() + " of "
                    + policy.maxAttempts() + ": " + reason + retryAt.map(at -> "; retrying at " + at).orElse("; now DEAD"), e);
            if (!queue.failed(claim, reason, retryAt)) {
                LOG.warning("Workflow event " + claim.eventId() + " was taken over by another worker before its"
                        + " failure could be recorded; that worker's outcome stands");
            }
            counts[retryAt.isPresent() ? 2 : 3]++;
            return false;
        }
    }

    /** The message of the first cause that is not the container's wrapper, with its type. */
    static String reason(Throwable error) {
        Throwable t = error;
        while (t instanceof EJBException && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
