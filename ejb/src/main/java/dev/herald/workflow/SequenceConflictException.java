package dev.herald.workflow;

import jakarta.ejb.ApplicationException;

/**
 * The execution is not at the sequence the caller expected: another event was appended first (possibly a
 * concurrent submission of the same event id). Nothing of this submission was journaled; the caller reloads the
 * state and decides whether to resubmit.
 */
@ApplicationException(rollback = true)
public class SequenceConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String executionId;
    private final long expectedSequence;

    public SequenceConflictException(String executionId, long expectedSequence, String detail, Throwable cause) {
        super("execution " + executionId + " is no longer at sequence " + expectedSequence + ": " + detail, cause);
        this.executionId = executionId;
        this.expectedSequence = expectedSequence;
    }

    public String executionId() {
        return executionId;
    }

    public long expectedSequence() {
        return expectedSequence;
    }
}
