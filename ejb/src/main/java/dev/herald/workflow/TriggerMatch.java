package dev.herald.workflow;

import java.util.Optional;

/** A definition a domain event starts, the trigger that matched, and the correlation key the execution gets. */
public record TriggerMatch(WorkflowDefinition definition, Trigger trigger, Optional<String> correlationKey) {
}
