package dev.herald.workflow;

import dev.herald.workflow.JournalEntry.ProcessingStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queue side of the journal, for the workers: which rows are next, and the conditional UPDATEs that claim a row
 * and record a failure. Each method is its own transaction (the worker calls it without one), so a claim commits
 * before the event is applied and a failure is recorded even though the apply rolled back.
 *
 * <p>A claim is {@code UPDATE ... WHERE id = ? AND status = <as read> AND attempts = <as read>}: of several workers
 * (threads or servers) that read the same row, exactly one changes it, on Derby and PostgreSQL alike, without row
 * locks held across the apply.
 */
@Stateless
public class WorkflowQueue {

    /** The statuses of a queued event not yet applied and not given up on. */
    private static final List<ProcessingStatus> OPEN = List.of(ProcessingStatus.PENDING, ProcessingStatus.PROCESSING,
            ProcessingStatus.FAILED);


    @PersistenceContext(unitName = "herald")
    EntityManager em;

    /**
     * The next event of executions that have queued events waiting (their {@code QUEUE_OPEN} flag, read through its
     * index; longest idle first): the row right after the execution's last applied sequence, so an execution's
     * events are taken one at a time, in sequence order. A DEAD event closes its execution's queue: the events after
     * it are held back. The poll never scans the journal: on Derby such a scan held row locks that deadlocked with
     * appending transactions.
     */
    public List<QueuedEvent> heads(int limit) {
        List<Object[]> executions = em.createQuery("SELECT e.tenantId, e.id FROM WorkflowExecution e"
                        + " WHERE e.queueOpen = TRUE ORDER BY e.lastEventAt", Object[].class)
                .setMaxResults(limit).getResultList();
        List<QueuedEvent> heads = new ArrayList<>();
        for (Object[] execution : executions) {
            headOf((String) execution[0], (String) execution[1]).ifPresent(heads::add);
        }
        return heads;
    }

    public Optional<QueuedEvent> headOf(String tenantId, String executionId) {
        WorkflowExecution execution = em.find(WorkflowExecution.class, executionId);
        if (execution == null || !execution.getTenantId().equals(tenantId)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT j FROM JournalEntry j WHERE j.tenantId = :tenant AND j.executionId = :execution"
                        + " AND j.sequence = :next AND j.processingStatus IN :open", JournalEntry.class)
                .setParameter("tenant", tenantId).setParameter("execution", executionId)
                .setParameter("next", execution.getLastSequence() + 1).setParameter("open", OPEN)
                .getResultStream().findFirst().map(JournalEntry::queued);
    }

    public boolean claim(QueuedEvent head, Instant now) {
        return em.createQuery("UPDATE JournalEntry j SET j.processingStatus = :processing, j.attempts = j.attempts + 1,"
                        + " j.claimedAt = :now, j.nextAttemptAt = NULL"
                        + " WHERE j.id = :id AND j.processingStatus = :status AND j.attempts = :attempts")
                .setParameter("processing", ProcessingStatus.PROCESSING)
                .setParameter("now", UtcColumns.toColumn(now))
                .setParameter("id", head.rowId())
                .setParameter("status", head.status())
                .setParameter("attempts", head.attempts())
                .executeUpdate() == 1;
    }

    /**
     * FAILED with a retry time, or DEAD (which closes the execution's queue); only while the row is still this claim
     * (not taken over since).
     */
    public boolean failed(QueuedEvent claim, String reason, Optional<Instant> retryAt) {
        boolean dead = retryAt.isEmpty();
        // Execution row before journal row, the order of every other writer of both (enqueue, apply): the reverse
        // can deadlock with an enqueue that holds the execution and reads the journal row this update holds.
        WorkflowExecution execution = dead ? em.find(WorkflowExecution.class, claim.executionId(), LockModeType.PESSIMISTIC_WRITE) : null;
        String set = dead ? "j.nextAttemptAt = NULL" : "j.nextAttemptAt = :retryAt";
        var update = em.createQuery("UPDATE JournalEntry j SET j.processingStatus = :status, " + set + ", j.lastError = :reason"
                        + " WHERE j.id = :id AND j.processingStatus = :processing AND j.attempts = :attempts")
                .setParameter("status", dead ? ProcessingStatus.DEAD : ProcessingStatus.FAILED)
                .setParameter("reason", JournalEntry.truncatedError(reason))
                .setParameter("id", claim.rowId())
                .setParameter("processing", ProcessingStatus.PROCESSING)
                .setParameter("attempts", claim.attempts());
        retryAt.ifPresent(at -> update.setParameter("retryAt", UtcColumns.toColumn(at)));
        boolean ours = update.executeUpdate() == 1;
        if (ours && execution != null && execution.getTenantId().equals(claim.tenantId())) {
            execution.closeQueue();
        }
        return ours;
    }
}
