package dev.herald.operations;

import dev.herald.workflow.JournalEntry.ProcessingStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Counts the workflow queue for the sampler: one grouped COUNT over the journal's ({@code JournalEntry}) processing-status index, limited to
 * the statuses of queued events (DONE and DISCARDED rows, the bulk of the journal, are not read). Only the sampler
 * calls it, every {@code herald.operations.sample-interval}, never a scrape: a journal read on Derby has deadlocked
 * with the queue's writers before (docs/architecture.md), so it runs at READ_COMMITTED in its own short transaction,
 * holds no lock after each row, and gives up after {@link #TIMEOUT_MILLIS} rather than wait behind a writer.
 */
@Stateless
public class WorkflowQueueCounter {

    static final int TIMEOUT_MILLIS = 2_000;

    private static final List<ProcessingStatus> QUEUED = List.of(ProcessingStatus.PENDING, ProcessingStatus.PROCESSING,
            ProcessingStatus.FAILED);

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public QueueCounts count() {
        List<Object[]> rows = em.createQuery("SELECT j.processingStatus, COUNT(j) FROM JournalEntry j"
                        + " WHERE j.processingStatus IN :statuses GROUP BY j.processingStatus", Object[].class)
                .setParameter("statuses", List.of(ProcessingStatus.PENDING, ProcessingStatus.PROCESSING,
                        ProcessingStatus.FAILED, ProcessingStatus.DEAD))
                .setHint("jakarta.persistence.query.timeout", TIMEOUT_MILLIS)
                .getResultList();
        return of(rows);
    }

    /** The grouped counts as queued (PENDING, PROCESSING, FAILED) and dead. */
    static QueueCounts of(List<Object[]> rows) {
        long queued = 0;
        long dead = 0;
        for (Object[] row : rows) {
            ProcessingStatus status = (ProcessingStatus) row[0];
            long count = ((Number) row[1]).longValue();
            if (status == ProcessingStatus.DEAD) {
                dead += count;
            } else if (QUEUED.contains(status)) {
                queued += count;
            }
        }
        return new QueueCounts(queued, dead);
    }
}
