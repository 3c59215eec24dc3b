package dev.herald.workflow;

/** Waiting executions of {@code workflowName} whose correlation key is {@code key} may take the event. */
public record Correlation(String workflowName, String key) {
}
