package dev.herald.workflow;

import java.util.Objects;
import java.util.Optional;

/** A replayed state, with its trace when one was asked for. */
public record Replay(ExecutionState state, Optional<ReplayTrace> trace) {

    public Replay {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(trace, "trace");
    }

    public Replay withoutTrace() {
        return new Replay(state, Optional.empty());
    }
}
