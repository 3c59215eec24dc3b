package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * The state after the event at {@code sequence}, as a given reducer version computed it. {@code lastEventAt} is
 * when that event occurred: a time-bounded replay may use the snapshot only if it is at or before the bound (the
 * snapshot's own {@code createdAt} says nothing about which events it covers).
 */
public record Snapshot(long sequence, String currentState, JsonObject data, int reducerVersion, Instant lastEventAt,
                       Instant createdAt) {

    public Snapshot {
        Objects.requireNonNull(currentState, "currentState");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Snapshot of(ExecutionState state, Instant lastEventAt, Instant now) {
        return new Snapshot(state.sequence(), state.currentState(), state.data(), WorkflowReducer.REDUCER_VERSION, lastEventAt, now);
    }

    /** The status is not stored: it follows from the state through the definition the execution pinned. */
    public ExecutionState toState(WorkflowDefinition definition) {
        return new ExecutionState(currentState, definition.statusOf(currentState), data, sequence);
    }
}
