package dev.herald.workflow;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * When to take snapshots and which to drop: one after every {@code every} events ({@code 0} = only on demand), and
 * only the newest {@code keep} (by sequence) survive a prune. Older states stay reachable through the journal,
 * which is never pruned.
 */
public record SnapshotPolicy(int every, int keep) {

    public SnapshotPolicy {
        if (every < 0) {
            throw new IllegalArgumentException("snapshot-every must be 0 (never automatically) or more, got " + every);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("snapshots-kept must be 1 or more, got " + keep);
        }
    }

    public boolean shouldSnapshot(long sequence) {
        return every > 0 && sequence > 0 && sequence % every == 0;
    }

    /** The sequences to delete, in ascending order: all but the {@code keep} highest. */
    public List<Long> toPrune(Collection<Long> snapshotSequences) {
        List<Long> newestFirst = snapshotSequences.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        return newestFirst.stream().skip(keep).sorted().toList();
    }
}
