package dev.herald.workflow;

import jakarta.ejb.ApplicationException;

/** No execution with that id in that tenant (an execution of another tenant is reported the same way). */
@ApplicationException(rollback = false)
public class UnknownExecutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownExecutionException(String tenantId, String executionId) {
        super("tenant " + tenantId + " has no workflow execution " + executionId);
    }
}
