package dev.herald.workflow;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A declarative state machine. Besides the five parts of the brief it declares its states, each with the status
 * it puts an execution in: without a declared list, a misspelt target state would silently become a new dead-end
 * state. The constructor refuses anything the reducer could not run unambiguously, so a definition that exists is
 * valid whether it came from JSON or from code.
 *
 * <p>Transitions are tried in declaration order; the first whose guard holds wins. {@code eventVersions} names the
 * payload version the definition reads per event type (default 1).
 */
public record WorkflowDefinition(String name, int version, String initialState, Map<String, ExecutionStatus> states,
                                 List<Transition> transitions, List<Trigger> triggers,
                                 Map<String, Integer> eventVersions) {

    public WorkflowDefinition {
        requireText(name, "name");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
        requireText(initialState, "initialState");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        transitions = List.copyOf(transitions);
        triggers = List.copyOf(triggers);
        eventVersions = eventVersions == null ? Map.of() : Map.copyOf(eventVersions);
        validate(initialState, states, transitions);
    }

    /** A definition whose guards and merges read every event type in v1, as every definition did before versions. */
    public WorkflowDefinition(String name, int version, String initialState, Map<String, ExecutionStatus> states,
                              List<Transition> transitions, List<Trigger> triggers) {
        this(name, version, initialState, states, transitions, triggers, Map.of());
    }

    /**
     * The version of an event type's payload this definition's guards and merges are written against
     * ({@code "eventVersions": {"TICKET_CREATED": 2}}); 1 for a type it does not name. Journaled events of other
     * versions are converted to it before the reducer sees them ({@link JournalVersions}).
     */
    public int versionOf(String eventName) {
        return eventVersions.getOrDefault(eventName, 1);
    }

    public ExecutionStatus statusOf(String state) {
        ExecutionStatus status = states.get(state);
        if (status == null) {
            throw new IllegalArgumentException(name + " v" + version + " has no state '" + state + "'");
        }
        return status;
    }

    public List<Transition> transitionsFrom(String state) {
        return transitions.stream().filter(t -> t.from().equals(state)).toList();
    }

    /** Event names some WAITING state has a transition on: the events a correlated domain event can resume. */
    public Set<String> awaitedEvents() {
        Set<String> events = new LinkedHashSet<>();
        transitions.stream().filter(t -> states.get(t.from()) == ExecutionStatus.WAITING).forEach(t -> events.add(t.onEvent()));
        return events;
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }

    private static void validate(String initialState, Map<String, ExecutionStatus> states, List<Transition> transitions) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("declares no states");
        }
        if (!states.containsKey(initialState)) {
            throw new IllegalArgumentException("initialState '" + initialState + "' is not a declared state " + states.keySet());
        }
        for (int i = 0; i < transitions.size(); i++) {
            Transition t = transitions.get(i);
            String where = "transitions[" + i + "] (" + t + ")";
            for (String state : List.of(t.from(), t.to())) {
                if (!states.containsKey(state)) {
                    throw new IllegalArgumentException(where + ": unknown state '" + state + "'; states are " + states.keySet());
                }
            }
            if (states.get(t.from()) == ExecutionStatus.COMPLETED) {
                throw new IllegalArgumentException(where + ": '" + t.from() + "' is COMPLETED, nothing may leave it");
            }
            for (int j = 0; j < i; j++) {
                Transition earlier = transitions.get(j);
                if (earlier.from().equals(t.from()) && earlier.onEvent().equals(t.onEvent())
                        && (earlier.guard().isEmpty() || earlier.guard().equals(t.guard()))) {
                    throw new IllegalArgumentException(where + " duplicates transitions[" + j + "] (" + earlier
                            + "): that one takes every such event first, so this one could never fire");
                }
            }
        }
        for (Map.Entry<String, ExecutionStatus> state : states.entrySet()) {
            Objects.requireNonNull(state.getValue(), "status of state " + state.getKey());
            boolean leaves = transitions.stream().anyMatch(t -> t.from().equals(state.getKey()));
            if (!leaves && state.getValue() != ExecutionStatus.COMPLETED) {
                throw new IllegalArgumentException("state '" + state.getKey() + "' is " + state.getValue()
                        + " but no transition leaves it; a dead end must be COMPLETED");
            }
        }
        Set<String> unreachable = new LinkedHashSet<>(states.keySet());
        unreachable.removeAll(reachable(initialState, transitions));
        if (!unreachable.isEmpty()) {
            throw new IllegalArgumentException("states " + unreachable + " cannot be reached from '" + initialState + "'");
        }
    }

    private static Set<String> reachable(String initialState, List<Transition> transitions) {
        Set<String> seen = new LinkedHashSet<>(List.of(initialState));
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            String state = todo.pop();
            transitions.stream().filter(t -> t.from().equals(state)).map(Transition::to).filter(seen::add).forEach(todo::push);
        }
        return seen;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }
}
