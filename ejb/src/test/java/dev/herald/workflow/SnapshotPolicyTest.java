package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotPolicyTest {

    @Test
    void snapshotIsDueEveryNthEventButNeverAtTheStart() {
        SnapshotPolicy policy = new SnapshotPolicy(50, 3);
        assertFalse(policy.shouldSnapshot(0));
        assertFalse(policy.shouldSnapshot(49));
        assertTrue(policy.shouldSnapshot(50));
        assertFalse(policy.shouldSnapshot(51));
        assertTrue(policy.shouldSnapshot(100));
        assertTrue(new SnapshotPolicy(1, 1).shouldSnapshot(1));
    }

    @Test
    void everyZeroMeansOnlyOnDemand() {
        SnapshotPolicy manual = new SnapshotPolicy(0, 3);
        assertFalse(manual.shouldSnapshot(50));
        assertFalse(manual.shouldSnapshot(1));
    }

    @Test
    void pruneKeepsTheNewestKBySequenceWhateverTheOrder() {
        SnapshotPolicy policy = new SnapshotPolicy(10, 3);
        assertEquals(List.of(10L, 20L), policy.toPrune(List.of(40L, 10L, 50L, 30L, 20L)));
        assertEquals(List.of(), policy.toPrune(List.of(30L, 10L, 20L)));
        assertEquals(List.of(), policy.toPrune(List.of()));
    }

    @Test
    void pruneCountsARepeatedSequenceOnce() {
        assertEquals(List.of(10L), new SnapshotPolicy(10, 2).toPrune(List.of(30L, 30L, 20L, 10L)));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotPolicy(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotPolicy(50, 0));
    }
}
