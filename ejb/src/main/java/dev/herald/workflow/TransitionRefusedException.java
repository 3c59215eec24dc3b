package dev.herald.workflow;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An event the execution's current state does not accept: no transition on it, or none whose guard holds, or the
 * execution is already completed. Nothing was journaled. The caller's transaction is left alone, as for an
 * invalid event: deciding to go on without it is the caller's business.
 */
@ApplicationException(rollback = false)
public class TransitionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String state;
    private final String eventName;
    private final List<String> transitions;

    public TransitionRefusedException(WorkflowDefinition definition, String state, String eventName, String reason) {
        super(definition + " refuses " + eventName + " in state '" + state + "': " + reason + "; transitions from '" + state
                + "': " + describe(definition.transitionsFrom(state)));
        this.state = state;
        this.eventName = eventName;
        this.transitions = definition.transitionsFrom(state).stream().map(Transition::toString).toList();
    }

    public String state() {
        return state;
    }

    public String eventName() {
        return eventName;
    }

    /** The transitions that leave the state, as text: what the caller could have sent instead. */
    public List<String> transitions() {
        return transitions;
    }

    private static String describe(List<Transition> transitions) {
        return transitions.isEmpty() ? "none" : transitions.toString();
    }
}
