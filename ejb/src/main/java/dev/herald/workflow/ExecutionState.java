package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.util.Objects;

/** What an execution is after the event at {@code sequence} (0 = just started). */
public record ExecutionState(String currentState, ExecutionStatus status, JsonObject data, long sequence) {

    public ExecutionState {
        Objects.requireNonNull(currentState, "currentState");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(data, "data");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
    }
}
