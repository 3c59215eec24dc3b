package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotSelectorTest {

    private static final int V = WorkflowReducer.REDUCER_VERSION;

    @Test
    void newestMeansHighestSequenceNotLatestCreated() {
        Snapshot s20 = snapshot(20, V, T0.plusSeconds(20), T0.plusSeconds(21));
        Snapshot s10WrittenLater = snapshot(10, V, T0.plusSeconds(10), T0.plusSeconds(500));
        assertEquals(Optional.of(s20), SnapshotSelector.select(List.of(s10WrittenLater, s20), ReplayBound.latest()));
    }

    @Test
    void snapshotOfAnotherReducerVersionIsIgnored() {
        Snapshot s10 = snapshot(10, V, T0, T0);
        Snapshot s20Old = snapshot(20, V - 1, T0, T0);
        Snapshot s30Future = snapshot(30, V + 1, T0, T0);
        assertEquals(Optional.of(s10), SnapshotSelector.select(List.of(s20Old, s10, s30Future), ReplayBound.latest()));
        assertEquals(Optional.empty(), SnapshotSelector.select(List.of(s20Old, s30Future), ReplayBound.latest()));
    }

    @Test
    void snapshotNewerThanTheSequenceBoundIsIgnored() {
        Snapshot s10 = snapshot(10, V, T0, T0);
        Snapshot s20 = snapshot(20, V, T0, T0);
        assertEquals(Optional.of(s10), SnapshotSelector.select(List.of(s10, s20), ReplayBound.atSequence(19)));
        assertEquals(Optional.empty(), SnapshotSelector.select(List.of(s10, s20), ReplayBound.atSequence(9)));
    }

    @Test
    void snapshotAtTheSequenceBoundIsUsed() {
        Snapshot s20 = snapshot(20, V, T0, T0);
        assertEquals(Optional.of(s20), SnapshotSelector.select(List.of(snapshot(10, V, T0, T0), s20), ReplayBound.atSequence(20)));
    }

    @Test
    void forATimeBoundTheLastCoveredEventDecidesNotWhenTheSnapshotWasWritten() {
        // Written at 10:05 but covering events up to 10:00: usable for a 10:02 bound.
        Snapshot coversTen = snapshot(10, V, T0, T0.plusSeconds(300));
        // Covers an event at 10:03: not usable for 10:02, however early it was written.
        Snapshot coversThree = snapshot(20, V, T0.plusSeconds(180), T0.plusSeconds(181));
        ReplayBound twoPast = ReplayBound.atTime(T0.plusSeconds(120));
        assertEquals(Optional.of(coversTen), SnapshotSelector.select(List.of(coversThree, coversTen), twoPast));
        assertEquals(Optional.of(coversThree), SnapshotSelector.select(List.of(coversThree, coversTen),
                ReplayBound.atTime(T0.plusSeconds(180))));
        assertEquals(Optional.empty(), SnapshotSelector.select(List.of(coversThree, coversTen), ReplayBound.atTime(T0.minusMillis(1))));
    }

    @Test
    void noSnapshotsGiveNothing() {
        assertEquals(Optional.empty(), SnapshotSelector.select(List.of(), ReplayBound.latest()));
    }

    private static Snapshot snapshot(long sequence, int reducerVersion, Instant lastEventAt, Instant createdAt) {
        return new Snapshot(sequence, "assigned", Fixtures.json("{\"n\":" + sequence + "}"), reducerVersion, lastEventAt, createdAt);
    }
}
