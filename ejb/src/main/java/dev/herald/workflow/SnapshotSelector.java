package dev.herald.workflow;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks the snapshot a replay starts from: the one with the highest sequence among those of the given reducer
 * version that the bound admits. "Newest" means highest sequence, never latest {@code createdAt}: a manual
 * snapshot of an old state may well be written after a newer one.
 */
public final class SnapshotSelector {

    private SnapshotSelector() {
    }

    public static Optional<Snapshot> select(Collection<Snapshot> snapshots, int reducerVersion, ReplayBound bound) {
        return snapshots.stream()
                .filter(s -> s.reducerVersion() == reducerVersion)
                .filter(bound::admits)
                .max(Comparator.comparingLong(Snapshot::sequence));
    }

    public static Optional<Snapshot> select(Collection<Snapshot> snapshots, ReplayBound bound) {
        return select(snapshots, WorkflowReducer.REDUCER_VERSION, bound);
    }
}
