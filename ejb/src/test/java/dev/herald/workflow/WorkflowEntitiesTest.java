package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.T0;
import static dev.herald.workflow.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rows store exactly what the pure records hold: what is written is what a replay reads back. */
class WorkflowEntitiesTest {

    private final WorkflowDefinition tickets = Fixtures.tickets();

    @Test
    void executionRowHoldsTheStateItWasAdvancedTo() {
        ExecutionState open = WorkflowReducer.start(tickets, Fixtures.started("{\"ticketId\":\"t-1\"}"));
        WorkflowExecution execution = new WorkflowExecution("acme", tickets, open, "t-1", T0);
        assertEquals(open, execution.state());
        ExecutionState assigned = new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{\"a\":[1,{\"b\":null}]}"), 1);
        execution.advance(assigned, T0.plusSeconds(5));
        assertEquals(assigned, execution.state());
        assertEquals(1, execution.getLastSequence());
        assertEquals("tickets", execution.getWorkflowName());
        assertEquals(1, execution.getWorkflowVersion());
        assertEquals("t-1", execution.getCorrelationKey());
    }

    @Test
    void executionQueueIsOpenFromAnEnqueueUntilItsLastQueuedEventIsApplied() {
        ExecutionState open = WorkflowReducer.start(tickets, Fixtures.started("{}"));
        WorkflowExecution execution = new WorkflowExecution("acme", tickets, open, null, T0);
        assertFalse(execution.isQueueOpen());
        execution.enqueued(1);
        execution.enqueued(2);
        assertTrue(execution.isQueueOpen());
        assertEquals(2, execution.getJournaledSequence());
        assertThrows(IllegalStateException.class, () -> execution.enqueued(2), "one sequence after the other");
        execution.advance(new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{}"), 1), T0);
        assertTrue(execution.isQueueOpen(), "sequence 2 still waits");
        execution.advance(new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{}"), 2), T0);
        assertFalse(execution.isQueueOpen());
        execution.advance(new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{}"), 3), T0);
        assertEquals(3, execution.getJournaledSequence(), "a submitted event is journaled too");
    }

    @Test
    void eventEnqueuedBehindADeadOneLeavesTheQueueClosed() {
        ExecutionState open = WorkflowReducer.start(tickets, Fixtures.started("{}"));
        WorkflowExecution execution = new WorkflowExecution("acme", tickets, open, null, T0);
        execution.enqueued(1);
        execution.closeQueue();
        execution.enqueued(2);
        assertFalse(execution.isQueueOpen(), "sequence 1 is DEAD: sequence 2 waits behind it, and no worker looks");
        assertEquals(2, execution.getJournaledSequence());
    }

    @Test
    void onlyADeadEventIsRevivedOrDiscardedAndTheReopenedQueueIsOpenWhileEventsWait() {
        ExecutionState open = WorkflowReducer.start(tickets, Fixtures.started("{}"));
        WorkflowExecution execution = new WorkflowExecution("acme", tickets, open, null, T0);
        JournalEntry pending = JournalEntry.pending("acme", execution.getId(), "e-1", "NOTE", 1, json("{}"), 1, T0, null);
        EventNotDeadException refused = assertThrows(EventNotDeadException.class, pending::revive);
        assertEquals(JournalEntry.ProcessingStatus.PENDING, refused.status());
        assertEquals(JournalEntry.ProcessingStatus.PENDING, pending.getProcessingStatus(), "unchanged");
        EventNotDeadException notDiscarded = assertThrows(EventNotDeadException.class, () -> pending.discard("open"));
        assertTrue(notDiscarded.getMessage().contains("only a DEAD event can be discarded"), notDiscarded.getMessage());
        assertEquals(JournalEntry.ProcessingStatus.PENDING, pending.getProcessingStatus(), "unchanged");

        execution.enqueued(1);
        execution.closeQueue();
        execution.reopenQueue();
        assertTrue(execution.isQueueOpen(), "sequence 1 waits again");
        execution.advance(new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{}"), 1), T0);
        execution.reopenQueue();
        assertFalse(execution.isQueueOpen(), "nothing left to apply");
    }

    @Test
    void eventEnqueuedAfterEveryEarlierOneWasAppliedOpensTheQueue() {
        ExecutionState open = WorkflowReducer.start(tickets, Fixtures.started("{}"));
        WorkflowExecution execution = new WorkflowExecution("acme", tickets, open, null, T0);
        execution.enqueued(1);
        execution.advance(new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{}"), 1), T0);
        execution.enqueued(2);
        assertTrue(execution.isQueueOpen());
    }

    @Test
    void nextEventIsNeverStampedBeforeThePreviousOne() {
        ExecutionState open = WorkflowReducer.start(tickets, Fixtures.started("{}"));
        WorkflowExecution execution = new WorkflowExecution("acme", tickets, open, null, T0);
        assertEquals(T0, execution.nextEventAt(T0.minusSeconds(30)));
        assertEquals(T0.plusSeconds(1), execution.nextEventAt(T0.plusSeconds(1)));
    }

    @Test
    void journalEntryGivesBackTheEventItRecorded() {
        WorkflowEvent event = Fixtures.event(3, "NOTE", "{\"n\":3,\"text\":\"caf\\u00e9\"}");
        ExecutionState result = new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{\"n\":3}"), 3);
        JournalEntry entry = JournalEntry.applied("acme", "e-1", "ev-3", "NOTE", "NOTE", "assigned", event, result, null);
        assertEquals(event, entry.event());
        JournalView view = entry.view();
        assertEquals("ev-3", view.eventId());
        assertEquals("assigned", view.fromState());
        assertEquals("assigned", view.toState());
        assertEquals(JournalEntry.ProcessingStatus.DONE, view.processingStatus());
        assertEquals(1, view.attempts());
        assertNull(view.userId());
        assertNull(view.claimedAt());
    }

    @Test
    void queuedEntryIsPendingWithoutStatesUntilMarkedDone() {
        JournalEntry entry = JournalEntry.pending("acme", "x-1", "ev-4", "NOTE", 4, json("{\"n\":4}"), 1, T0, "u-1");
        JournalView pending = entry.view();
        assertEquals(JournalEntry.ProcessingStatus.PENDING, pending.processingStatus());
        assertEquals(0, pending.attempts());
        assertNull(pending.fromState());
        assertNull(pending.toState());
        assertEquals(new WorkflowEvent(4, "NOTE", json("{\"n\":4}"), T0), entry.event());
        QueuedEvent queued = entry.queued();
        assertEquals(4, queued.sequence());
        assertEquals(JournalEntry.ProcessingStatus.PENDING, queued.status());

        entry.markDone("assigned", new ExecutionState("assigned", ExecutionStatus.RUNNING, json("{\"n\":4}"), 4));
        assertEquals(JournalEntry.ProcessingStatus.DONE, entry.view().processingStatus());
        assertEquals("assigned", entry.view().fromState());
        assertEquals("assigned", entry.view().toState());
    }

    @Test
    void snapshotRowGivesBackTheSnapshot() {
        Snapshot snapshot = new Snapshot(50, "assigned", json("{\"n\":50}"), WorkflowReducer.REDUCER_VERSION, T0, T0.plusSeconds(2));
        assertEquals(snapshot, new WorkflowSnapshot("acme", "e-1", snapshot).snapshot());
    }
}
