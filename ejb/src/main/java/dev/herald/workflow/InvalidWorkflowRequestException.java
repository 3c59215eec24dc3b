package dev.herald.workflow;

import jakarta.ejb.ApplicationException;

/**
 * A request {@link WorkflowService} refuses as malformed (unknown workflow, a sequence the execution has not
 * reached, a time before it started, a page size out of range...). An {@link IllegalArgumentException} still, so
 * callers and the HTTP layer treat it as one; but an application exception, so it reaches them as itself instead
 * of wrapped in an {@code EJBException} as a system exception would be.
 */
@ApplicationException(rollback = true)
public class InvalidWorkflowRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidWorkflowRequestException(IllegalArgumentException cause) {
        super(cause.getMessage(), cause);
    }
}
