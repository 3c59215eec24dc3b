package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.T0;
import static dev.herald.workflow.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped ticket-lifecycle definition, driven through a ticket's life by the reducer and the replayer. */
class TicketLifecycleTest {

    private final WorkflowDefinition lifecycle = WorkflowDefinitions.loadFromClasspath().get("ticket-lifecycle", 1);
    private final List<WorkflowEvent> journal = new ArrayList<>();
    private ExecutionState state;

    @Test
    void aTicketGoesFromOpenThroughAssignedAndResolvedToClosed() {
        begin("{\"ticketId\":\"t-1\"}");
        submit("TICKET_ASSIGNED", "{\"ticketId\":\"t-1\",\"assignedToUserId\":\"u-1\",\"tenantId\":\"acme\"}");
        assertEquals("assigned", state.currentState());
        submit("TICKET_RESPONSE_STATE_CHANGED", "{\"ticketId\":\"t-1\",\"newResponseState\":\"awaiting_client\"}");
        assertEquals("resolved", state.currentState());
        submit("TICKET_CUSTOMER_REPLIED", "{\"ticketId\":\"t-1\"}");
        assertEquals("assigned", state.currentState());
        submit("TICKET_RESPONSE_STATE_CHANGED", "{\"ticketId\":\"t-1\",\"newResponseState\":\"awaiting_client\"}");
        submit("TICKET_CLOSED", "{\"ticketId\":\"t-1\",\"closedByUserId\":\"u-1\",\"reason\":\"fixed\"}");
        assertEquals(new ExecutionState("closed", ExecutionStatus.COMPLETED, json("{\"ticketId\":\"t-1\",\"assignedToUserId\":\"u-1\","
                + "\"newResponseState\":\"awaiting_client\",\"closedByUserId\":\"u-1\",\"reason\":\"fixed\"}"), 5), state);
        assertEquals(state, Replayer.replay(lifecycle, Optional.empty(), journal, ReplayBound.latest()).state());
        assertEquals("resolved", Replayer.replay(lifecycle, Optional.empty(), journal, ReplayBound.atSequence(2)).state().currentState());
    }

    @Test
    void aResponseStateOtherThanAwaitingClientDoesNotResolve() {
        begin("{\"ticketId\":\"t-1\"}");
        submit("TICKET_ASSIGNED", "{\"assignedToUserId\":\"u-1\"}");
        TransitionRefusedException refused = assertThrows(TransitionRefusedException.class,
                () -> submit("TICKET_RESPONSE_STATE_CHANGED", "{\"newResponseState\":\"awaiting_internal\"}"));
        assertEquals("assigned", refused.state());
        assertEquals("assigned", state.currentState());
    }

    @Test
    void aClosedTicketTakesNoMoreEvents() {
        begin("{}");
        submit("TICKET_CLOSED", "{\"reason\":\"spam\"}");
        assertThrows(TransitionRefusedException.class, () -> submit("TICKET_ASSIGNED", "{}"));
    }

    private void begin(String data) {
        WorkflowEvent started = WorkflowEvent.started(json(data), T0);
        journal.add(started);
        state = WorkflowReducer.start(lifecycle, started);
    }

    private void submit(String name, String payload) {
        WorkflowEvent event = new WorkflowEvent(state.sequence() + 1, name, json(payload), T0.plusSeconds(state.sequence() + 1));
        state = WorkflowReducer.apply(lifecycle, state, event);
        journal.add(event);
    }
}
