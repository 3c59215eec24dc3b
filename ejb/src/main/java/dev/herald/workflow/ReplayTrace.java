package dev.herald.workflow;

import java.util.List;
import java.util.OptionalLong;

/** How a replay got its state: the snapshot it started from (if any), the sequences it applied, how long it took. */
public record ReplayTrace(OptionalLong snapshotSequence, List<Long> appliedSequences, long millis) {

    public ReplayTrace {
        appliedSequences = List.copyOf(appliedSequences);
    }

    public ReplayTrace withMillis(long total) {
        return new ReplayTrace(snapshotSequence, appliedSequences, total);
    }
}
