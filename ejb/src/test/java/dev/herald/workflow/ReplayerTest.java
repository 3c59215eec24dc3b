package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.T0;
import static dev.herald.workflow.Fixtures.event;
import static dev.herald.workflow.Fixtures.json;
import static dev.herald.workflow.Fixtures.journal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReplayerTest {

    private final WorkflowDefinition tickets = Fixtures.tickets();

    @Test
    void replayWithoutSnapshotStartsFromTheStartEvent() {
        Replay replay = Replayer.replay(tickets, Optional.empty(), journal(3), ReplayBound.latest());
        assertEquals(new ExecutionState("assigned", ExecutionStatus.RUNNING,
                json("{\"ticketId\":\"t-1\",\"assignee\":\"ann\",\"n\":4}"), 4), replay.state());
        ReplayTrace trace = replay.trace().orElseThrow();
        assertEquals(OptionalLong.empty(), trace.snapshotSequence());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), trace.appliedSequences());
    }

    @Test
    void replayPassesOverADiscardedEventAsTheExecutionDid() {
        List<WorkflowEvent> events = new ArrayList<>(journal(1));
        events.add(new WorkflowEvent(3, "CLOSE", json("{\"n\":99}"), T0.plusSeconds(3), true));
        events.add(event(4, "NOTE", "{\"n\":4}"));
        ExecutionState state = Replayer.replay(tickets, Optional.empty(), events, ReplayBound.latest()).state();
        assertEquals(new ExecutionState("assigned", ExecutionStatus.RUNNING,
                json("{\"ticketId\":\"t-1\",\"assignee\":\"ann\",\"n\":4}"), 4), state);
        assertEquals("assigned", Replayer.replay(tickets, Optional.empty(), events, ReplayBound.atSequence(3)).state()
                .currentState(), "the discarded CLOSE closed nothing");
    }

    @Test
    void eventsAreFoldedBySequenceNeverByTimestamp() {
        // Timestamps run backwards (a skewed clock) and the list comes shuffled: sequence alone decides.
        List<WorkflowEvent> skewed = new ArrayList<>();
        for (WorkflowEvent e : journal(5)) {
            skewed.add(new WorkflowEvent(e.sequence(), e.eventName(), e.payload(), T0.minusSeconds(e.sequence())));
        }
        Collections.shuffle(skewed, new java.util.Random(7));
        Replay replay = Replayer.replay(tickets, Optional.empty(), skewed, ReplayBound.latest());
        assertEquals(6, replay.state().sequence());
        assertEquals(6, replay.state().data().getInt("n"));
        assertEquals(LongStream.rangeClosed(0, 6).boxed().toList(), replay.trace().orElseThrow().appliedSequences());
    }

    @Test
    void replayFromASnapshotEqualsTheFullReplay() {
        List<WorkflowEvent> events = journal(20);
        ExecutionState atTen = Replayer.replay(tickets, Optional.empty(), events, ReplayBound.atSequence(10)).state();
        Snapshot snapshot = Snapshot.of(atTen, events.get(10).occurredAt(), T0.plusSeconds(999));
        Replay fromSnapshot = Replayer.replay(tickets, Optional.of(snapshot), events, ReplayBound.latest());
        assertEquals(Replayer.replay(tickets, Optional.empty(), events, ReplayBound.latest()).state(), fromSnapshot.state());
        assertEquals(OptionalLong.of(10), fromSnapshot.trace().orElseThrow().snapshotSequence());
        assertEquals(LongStream.rangeClosed(11, 21).boxed().toList(), fromSnapshot.trace().orElseThrow().appliedSequences());
    }

    @Test
    void snapshotWithNoLaterEventsLoadsAsIs() {
        Snapshot snapshot = new Snapshot(7, "assigned", json("{\"n\":7}"), WorkflowReducer.REDUCER_VERSION, T0, T0);
        Replay replay = Replayer.replay(tickets, Optional.of(snapshot), List.of(), ReplayBound.latest());
        assertEquals(new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{\"n\":7}"), 7), replay.state());
        assertEquals(List.of(), replay.trace().orElseThrow().appliedSequences());
        // The events it covers, if loaded anyway, are skipped rather than applied twice.
        assertEquals(replay.state(), Replayer.replay(tickets, Optional.of(snapshot), journal(6).subList(0, 8), ReplayBound.latest()).state());
    }

    @Test
    void sequenceBoundStopsAfterTheBoundEvent() {
        Replay replay = Replayer.replay(tickets, Optional.empty(), journal(10), ReplayBound.atSequence(5));
        assertEquals(5, replay.state().sequence());
        assertEquals(5, replay.state().data().getInt("n"));
    }

    @Test
    void timeBoundAppliesEventsUpToAndIncludingTheBound() {
        // Fixture events occur one second apart: sequence s at T0 + s seconds.
        Replay replay = Replayer.replay(tickets, Optional.empty(), journal(10), ReplayBound.atTime(T0.plusSeconds(4)));
        assertEquals(4, replay.state().sequence());
        Replay between = Replayer.replay(tickets, Optional.empty(), journal(10), ReplayBound.atTime(T0.plusMillis(4500)));
        assertEquals(4, between.state().sequence());
    }

    @Test
    void timeBoundStopsAtTheFirstEventAfterItEvenIfLaterOnesLookEarlier() {
        List<WorkflowEvent> events = new ArrayList<>(journal(4));
        events.set(3, new WorkflowEvent(3, "NOTE", json("{\"n\":3}"), T0.plusSeconds(60)));
        Replay replay = Replayer.replay(tickets, Optional.empty(), events, ReplayBound.atTime(T0.plusSeconds(10)));
        assertEquals(2, replay.state().sequence());
    }

    @Test
    void aBoundBeforeTheStartHasNoState() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Replayer.replay(tickets, Optional.empty(), journal(3), ReplayBound.atTime(T0.minusSeconds(1))));
        assertTrue(e.getMessage().contains("had not started"), e.getMessage());
    }

    @Test
    void aGapInTheJournalFailsInsteadOfSkippingAnEvent() {
        List<WorkflowEvent> events = new ArrayList<>(journal(5));
        events.remove(3);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Replayer.replay(tickets, Optional.empty(), events, ReplayBound.latest()));
        assertEquals("the journal has a gap: expected sequence 3, found 4", e.getMessage());
    }

    @Test
    void aJournalWithoutItsStartEventFails() {
        List<WorkflowEvent> events = journal(2).subList(1, 4);
        assertThrows(IllegalStateException.class, () -> Replayer.replay(tickets, Optional.empty(), events, ReplayBound.latest()));
    }

    @Test
    void twoEventsAtOneSequenceFail() {
        List<WorkflowEvent> events = new ArrayList<>(journal(3));
        events.add(event(2, "NOTE", "{\"n\":99}"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Replayer.replay(tickets, Optional.empty(), events, ReplayBound.latest()));
        assertEquals("the journal holds two events at sequence 2", e.getMessage());
    }

    @Test
    void aSnapshotBeyondTheBoundOrOfAnotherReducerIsRefused() {
        Snapshot at10 = new Snapshot(10, "assigned", json("{}"), WorkflowReducer.REDUCER_VERSION, T0.plusSeconds(10), T0);
        assertThrows(IllegalArgumentException.class,
                () -> Replayer.replay(tickets, Optional.of(at10), List.of(), ReplayBound.atSequence(9)));
        assertThrows(IllegalArgumentException.class,
                () -> Replayer.replay(tickets, Optional.of(at10), List.of(), ReplayBound.atTime(T0.plusSeconds(9))));
        Snapshot otherReducer = new Snapshot(10, "assigned", json("{}"), WorkflowReducer.REDUCER_VERSION + 1, T0, T0);
        assertThrows(IllegalArgumentException.class,
                () -> Replayer.replay(tickets, Optional.of(otherReducer), List.of(), ReplayBound.latest()));
    }

    @Test
    void aJournaledEventTheDefinitionRefusesFailsTheReplay() {
        List<WorkflowEvent> events = new ArrayList<>(journal(1));
        events.add(event(3, "CLOSE", "{}"));
        events.add(event(4, "NOTE", "{}"));
        assertThrows(TransitionRefusedException.class, () -> Replayer.replay(tickets, Optional.empty(), events, ReplayBound.latest()));
    }

    @Test
    void snapshotSelectedForAnOlderSequenceGivesTheOlderState() {
        List<WorkflowEvent> events = journal(30);
        List<Snapshot> snapshots = new ArrayList<>();
        for (long s : List.of(10L, 20L, 30L)) {
            ExecutionState state = Replayer.replay(tickets, Optional.empty(), events, ReplayBound.atSequence(s)).state();
            snapshots.add(Snapshot.of(state, events.get((int) s).occurredAt(), T0.plusSeconds(1000)));
        }
        ReplayBound bound = ReplayBound.atSequence(15);
        Optional<Snapshot> chosen = SnapshotSelector.select(snapshots, bound);
        Replay replay = Replayer.replay(tickets, chosen, events.subList(11, 16), bound);
        assertEquals(15, replay.state().data().getInt("n"));
        assertEquals(OptionalLong.of(10), replay.trace().orElseThrow().snapshotSequence());
    }
}
