package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.event;
import static dev.herald.workflow.Fixtures.json;
import static dev.herald.workflow.Fixtures.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowReducerTest {

    private final WorkflowDefinition tickets = Fixtures.tickets();

    @Test
    void startPutsTheExecutionInTheInitialStateWithTheStartData() {
        ExecutionState state = WorkflowReducer.start(tickets, started("{\"ticketId\":\"t-1\"}"));
        assertEquals(new ExecutionState("open", ExecutionStatus.WAITING, json("{\"ticketId\":\"t-1\"}"), 0), state);
    }

    @Test
    void startNeedsTheStartEventAtSequenceZero() {
        assertThrows(IllegalStateException.class, () -> WorkflowReducer.start(tickets, event(0, "ASSIGN", "{}")));
        assertThrows(IllegalStateException.class,
                () -> WorkflowReducer.start(tickets, new WorkflowEvent(1, WorkflowEvent.STARTED, json("{}"), Fixtures.T0)));
    }

    @Test
    void transitionMovesTheStateAndMergesOnlyTheListedFields() {
        ExecutionState open = WorkflowReducer.start(tickets, started("{\"ticketId\":\"t-1\"}"));
        ExecutionState assigned = WorkflowReducer.apply(tickets, open,
                event(1, "ASSIGN", "{\"assignee\":\"ann\",\"tenantId\":\"acme\"}"));
        assertEquals(new ExecutionState("assigned", ExecutionStatus.RUNNING,
                json("{\"ticketId\":\"t-1\",\"assignee\":\"ann\"}"), 1), assigned);
    }

    @Test
    void mergeOverwritesExistingFieldsAndNoneKeepsTheData() {
        ExecutionState assigned = state("assigned", "{\"assignee\":\"ann\",\"n\":1}", 4);
        ExecutionState noted = WorkflowReducer.apply(tickets, assigned, event(5, "NOTE", "{\"n\":2,\"extra\":true}"));
        assertEquals(json("{\"assignee\":\"ann\",\"n\":2,\"extra\":true}"), noted.data());
        ExecutionState closed = WorkflowReducer.apply(tickets, noted, event(6, "CLOSE", "{\"n\":3}"));
        assertEquals(noted.data(), closed.data());
        assertEquals(ExecutionStatus.COMPLETED, closed.status());
    }

    @Test
    void replaceMakesTheListedPayloadFieldsTheNewData() {
        MergeRule replace = new MergeRule(MergeRule.Mode.REPLACE, List.of("a", "missing"));
        assertEquals(json("{\"a\":1}"), replace.apply(json("{\"old\":true}"), json("{\"a\":1,\"b\":2}")));
        assertEquals(json("{\"a\":1,\"b\":2}"), new MergeRule(MergeRule.Mode.REPLACE, List.of())
                .apply(json("{\"old\":true}"), json("{\"a\":1,\"b\":2}")));
    }

    @Test
    void eventWithoutTransitionIsRefusedNamingStateEventAndTransitions() {
        ExecutionState open = state("open", "{}", 0);
        TransitionRefusedException refused = assertThrows(TransitionRefusedException.class,
                () -> WorkflowReducer.apply(tickets, open, event(1, "CLOSE", "{}")));
        assertEquals("open", refused.state());
        assertEquals("CLOSE", refused.eventName());
        assertEquals(List.of("open --ASSIGN--> assigned"), refused.transitions());
        assertTrue(refused.getMessage().contains("tickets v1 refuses CLOSE in state 'open': no transition on it"), refused.getMessage());
        assertTrue(refused.getMessage().contains("open --ASSIGN--> assigned"), refused.getMessage());
    }

    @Test
    void discardedEventKeepsStateAndDataAndOnlyTakesItsSequence() {
        ExecutionState open = state("open", "{\"ticketId\":\"t-1\"}", 0);
        WorkflowEvent refusedOnce = new WorkflowEvent(1, "CLOSE", json("{\"n\":9}"), Fixtures.T0, true);
        assertEquals(new ExecutionState("open", open.status(), open.data(), 1), WorkflowReducer.apply(tickets, open, refusedOnce));
        assertThrows(IllegalStateException.class, () -> WorkflowReducer.apply(tickets, open,
                new WorkflowEvent(2, "CLOSE", json("{}"), Fixtures.T0, true)), "still one sequence after the other");
    }

    @Test
    void eventFailingEveryGuardIsRefusedWithTheMismatch() {
        WorkflowDefinition guarded = guardedClose();
        TransitionRefusedException refused = assertThrows(TransitionRefusedException.class,
                () -> WorkflowReducer.apply(guarded, state("open", "{}", 0), event(1, "CLOSE", "{\"reason\":\"bored\"}")));
        assertTrue(refused.getMessage().contains("no guard holds"), refused.getMessage());
        assertTrue(refused.getMessage().contains("reason is \"bored\", required one of [\"spam\", \"duplicate\"]"), refused.getMessage());
        assertThrows(TransitionRefusedException.class,
                () -> WorkflowReducer.apply(guarded, state("open", "{}", 0), event(1, "CLOSE", "{}")));
    }

    @Test
    void firstTransitionWhoseGuardHoldsWins() {
        WorkflowDefinition guarded = guardedClose();
        assertEquals("spam", WorkflowReducer.apply(guarded, state("open", "{}", 0),
                event(1, "CLOSE", "{\"reason\":\"duplicate\"}")).currentState());
        assertEquals("urgent", WorkflowReducer.apply(guarded, state("open", "{}", 0),
                event(1, "CLOSE", "{\"reason\":\"spam\",\"priority\":1.0}")).currentState());
    }

    @Test
    void completedExecutionRefusesEveryEvent() {
        TransitionRefusedException refused = assertThrows(TransitionRefusedException.class,
                () -> WorkflowReducer.apply(tickets, state("closed", "{}", 3), event(4, "ASSIGN", "{}")));
        assertTrue(refused.getMessage().contains("the execution is COMPLETED"), refused.getMessage());
        assertEquals(List.of(), refused.transitions());
    }

    @Test
    void acceptsAnswersExactlyWhatApplyWouldDo() {
        WorkflowDefinition guarded = guardedClose();
        ExecutionState open = new ExecutionState("open", guarded.statusOf("open"), json("{}"), 0);
        assertTrue(WorkflowReducer.accepts(guarded, open, "CLOSE", json("{\"reason\":\"spam\"}")));
        assertFalse(WorkflowReducer.accepts(guarded, open, "CLOSE", json("{\"reason\":\"bored\"}")), "no guard holds");
        assertFalse(WorkflowReducer.accepts(guarded, open, "REOPEN", json("{}")), "no transition on it");
        assertFalse(WorkflowReducer.accepts(tickets, state("closed", "{}", 3), "ASSIGN", json("{}")), "completed");
    }

    @Test
    void eventThatDoesNotFollowTheStateSequenceIsRejected() {
        ExecutionState open = state("open", "{}", 0);
        assertThrows(IllegalStateException.class, () -> WorkflowReducer.apply(tickets, open, event(2, "ASSIGN", "{}")));
        assertThrows(IllegalStateException.class, () -> WorkflowReducer.apply(tickets, open, event(0, "ASSIGN", "{}")));
    }

    private ExecutionState state(String current, String data, long sequence) {
        return new ExecutionState(current, tickets.statusOf(current), json(data), sequence);
    }

    /** CLOSE goes to "urgent" for spam of priority 1, to "spam" for spam or duplicates; anything else is refused. */
    private static WorkflowDefinition guardedClose() {
        PayloadFilter urgentSpam = new PayloadFilter(Map.of("reason", List.of(jsonValue("\"spam\"")), "priority", List.of(jsonValue("1"))));
        PayloadFilter spam = new PayloadFilter(Map.of("reason", List.of(jsonValue("\"spam\""), jsonValue("\"duplicate\""))));
        return new WorkflowDefinition("guarded", 1, "open",
                Map.of("open", ExecutionStatus.WAITING, "urgent", ExecutionStatus.COMPLETED, "spam", ExecutionStatus.COMPLETED),
                List.of(new Transition("open", "CLOSE", "urgent", urgentSpam, null),
                        new Transition("open", "CLOSE", "spam", spam, null)),
                List.of());
    }

    private static jakarta.json.JsonValue jsonValue(String text) {
        return dev.herald.kernel.WireJson.parse(text);
    }
}
