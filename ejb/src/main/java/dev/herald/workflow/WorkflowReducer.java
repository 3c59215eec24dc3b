package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The pure state function: {@code (definition, state, event) -> state}. Replays, snapshots and synchronous
 * submission all go through it, so a replayed state equals the state the submission returned.
 */
public final class WorkflowReducer {

    /**
     * Stamped on every snapshot; bump it whenever {@link #apply} could produce a different state from the same
     * events, so snapshots written by the old code are ignored instead of trusted.
     */
    public static final int REDUCER_VERSION = 1;

    private WorkflowReducer() {
    }

    /** The state of a new execution, from the {@link WorkflowEvent#STARTED} event at sequence 0. */
    public static ExecutionState start(WorkflowDefinition definition, WorkflowEvent started) {
        if (started.sequence() != 0 || !WorkflowEvent.STARTED.equals(started.eventName())) {
            throw new IllegalStateException("an execution's journal starts with " + WorkflowEvent.STARTED
                    + " at sequence 0, found " + started.eventName() + " at " + started.sequence());
        }
        return new ExecutionState(definition.initialState(), definition.statusOf(definition.initialState()),
                started.payload(), 0);
    }

    public static ExecutionState apply(WorkflowDefinition definition, ExecutionState state, WorkflowEvent event) {
        if (event.sequence() != state.sequence() + 1) {
            throw new IllegalStateException("event " + event.eventName() + " has sequence " + event.sequence()
                    + " but the state is at " + state.sequence() + "; events apply one sequence after the other");
        }
        if (event.discarded()) {
            return new ExecutionState(state.currentState(), state.status(), state.data(), event.sequence());
        }
        Transition transition = choose(definition, state, event);
        JsonObject data = transition.merge().apply(state.data(), event.payload());
        return new ExecutionState(transition.to(), definition.statusOf(transition.to()), data, event.sequence());
    }

    /** Whether {@link #apply} would take the event in this state, without applying it. */
    public static boolean accepts(WorkflowDefinition definition, ExecutionState state, String eventName, JsonObject payload) {
        return state.status() != ExecutionStatus.COMPLETED && definition.transitionsFrom(state.currentState()).stream()
                .anyMatch(t -> t.onEvent().equals(eventName) && t.guard().matches(payload));
    }

    /** The transition {@link #apply} would take; refuses exactly when it would. */
    public static Transition choose(WorkflowDefinition definition, ExecutionState state, WorkflowEvent event) {
        if (state.status() == ExecutionStatus.COMPLETED) {
            throw new TransitionRefusedException(definition, state.currentState(), event.eventName(), "the execution is COMPLETED");
        }
        List<Transition> onEvent = definition.transitionsFrom(state.currentState()).stream()
                .filter(t -> t.onEvent().equals(event.eventName())).toList();
        if (onEvent.isEmpty()) {
            throw new TransitionRefusedException(definition, state.currentState(), event.eventName(), "no transition on it");
        }
        Optional<Transition> passing = onEvent.stream().filter(t -> t.guard().matches(event.payload())).findFirst();
        return passing.orElseThrow(() -> new TransitionRefusedException(definition, state.currentState(), event.eventName(),
                "no guard holds (" + String.join("; ", onEvent.stream()
                        .map(t -> t.guard().firstMismatch(event.payload()).orElseThrow()).toList()) + ")"));
    }
}
