package dev.herald.workflow;

/** An execution: who it belongs to, which definition it pinned, how it is correlated, and where it stands. */
public record ExecutionSummary(String tenantId, String executionId, String workflowName, int workflowVersion,
                               String correlationKey, ExecutionState state) {

    static ExecutionSummary of(WorkflowExecution execution) {
        return new ExecutionSummary(execution.getTenantId(), execution.getId(), execution.getWorkflowName(),
                execution.getWorkflowVersion(), execution.getCorrelationKey(), execution.state());
    }
}
