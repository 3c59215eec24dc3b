package dev.herald.api.workflow;

import dev.herald.workflow.ExecutionState;
import dev.herald.workflow.Replay;
import java.util.List;

/** A replayed state and, when asked for, how it was replayed ({@code trace} is left out otherwise). */
public record ReplayView(ExecutionState state, Trace trace) {

    /** {@code snapshotSequence} is left out when the replay started from the journal's beginning. */
    public record Trace(Long snapshotSequence, List<Long> appliedSequences, long millis) {
    }

    static ReplayView of(Replay replay) {
        return new ReplayView(replay.state(), replay.trace().map(t -> new Trace(
                t.snapshotSequence().isPresent() ? t.snapshotSequence().getAsLong() : null,
                t.appliedSequences(), t.millis())).orElse(null));
    }
}
