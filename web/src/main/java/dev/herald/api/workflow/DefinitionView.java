package dev.herald.api.workflow;

import dev.herald.workflow.ExecutionStatus;
import dev.herald.workflow.Transition;
import dev.herald.workflow.Trigger;
import dev.herald.workflow.WorkflowDefinition;
import java.util.List;
import java.util.Map;

/** A deployed workflow definition as clients see it: its states and, as text, the transitions between them. */
public record DefinitionView(String name, int version, String initialState, Map<String, ExecutionStatus> states,
                             List<String> transitions, List<String> triggers) {

    static DefinitionView of(WorkflowDefinition definition) {
        return new DefinitionView(definition.name(), definition.version(), definition.initialState(), definition.states(),
                definition.transitions().stream().map(Transition::toString).toList(),
                definition.triggers().stream().map(Trigger::eventType).toList());
    }
}
