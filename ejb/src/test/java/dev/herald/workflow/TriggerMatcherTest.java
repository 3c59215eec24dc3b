package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerMatcherTest {

    private final WorkflowDefinition lifecycle = WorkflowDefinitions.loadFromClasspath().get("ticket-lifecycle", 1);

    @Test
    void matchingTypeStartsTheDefinitionWithItsCorrelationKey() {
        List<TriggerMatch> matches = new TriggerMatcher(List.of(lifecycle))
                .starts("TICKET_CREATED", "acme", json("{\"ticketId\":\"t-9\"}"));
        assertEquals(1, matches.size());
        assertEquals(lifecycle, matches.get(0).definition());
        assertEquals(Optional.of("t-9"), matches.get(0).correlationKey());
    }

    @Test
    void anotherEventTypeStartsNothing() {
        assertEquals(List.of(), new TriggerMatcher(List.of(lifecycle)).starts("TICKET_CLOSED", "acme", json("{\"ticketId\":\"t-9\"}")));
    }

    @Test
    void triggerBoundToATenantIgnoresOtherTenants() {
        WorkflowDefinition acmeOnly = withTriggers(new Trigger("TICKET_CREATED", "acme", null, null));
        TriggerMatcher matcher = new TriggerMatcher(List.of(acmeOnly));
        assertEquals(1, matcher.starts("TICKET_CREATED", "acme", json("{}")).size());
        assertEquals(List.of(), matcher.starts("TICKET_CREATED", "globex", json("{}")));
        assertEquals(List.of(), matcher.starts("TICKET_CREATED", null, json("{}")));
    }

    @Test
    void payloadFilterMustHold() {
        PayloadFilter urgent = new PayloadFilter(Map.of("priority", List.of(Fixtures.json("{\"p\":\"high\"}").get("p"))));
        TriggerMatcher matcher = new TriggerMatcher(List.of(withTriggers(new Trigger("TICKET_CREATED", null, urgent, null))));
        assertEquals(1, matcher.starts("TICKET_CREATED", "acme", json("{\"priority\":\"high\"}")).size());
        assertEquals(List.of(), matcher.starts("TICKET_CREATED", "acme", json("{\"priority\":\"low\"}")));
        assertEquals(List.of(), matcher.starts("TICKET_CREATED", "acme", json("{}")));
    }

    @Test
    void eventWithoutItsCorrelationValueStartsNothing() {
        TriggerMatcher matcher = new TriggerMatcher(List.of(lifecycle));
        assertEquals(List.of(), matcher.starts("TICKET_CREATED", "acme", json("{}")));
        assertEquals(List.of(), matcher.starts("TICKET_CREATED", "acme", json("{\"ticketId\":null}")));
        assertEquals(List.of(), matcher.starts("TICKET_CREATED", "acme", json("{\"ticketId\":\" \"}")));
        assertEquals(Optional.of("42"), matcher.starts("TICKET_CREATED", "acme", json("{\"ticketId\":42}")).get(0).correlationKey());
    }

    @Test
    void aDefinitionStartsOnceEvenIfTwoOfItsTriggersMatch() {
        WorkflowDefinition twice = withTriggers(new Trigger("TICKET_CREATED", null, null, "ticketId"),
                new Trigger("TICKET_CREATED", null, null, null));
        List<TriggerMatch> matches = new TriggerMatcher(List.of(twice, lifecycle)).starts("TICKET_CREATED", "acme", json("{\"ticketId\":\"t\"}"));
        assertEquals(2, matches.size());
        assertEquals(twice.triggers().get(0), matches.get(0).trigger());
        assertEquals(lifecycle, matches.get(1).definition());
    }

    @Test
    void correlatedEventResumesDefinitionsWaitingOnIt() {
        WorkflowDefinition approval = WorkflowDefinitions.loadFromClasspath().get("ticket-approval", 1);
        TriggerMatcher matcher = new TriggerMatcher(List.of(lifecycle, approval));
        assertEquals(List.of(new Correlation("ticket-lifecycle", "t-9")),
                matcher.resumes("TICKET_CLOSED", "acme", json("{\"ticketId\":\"t-9\"}")));
        // The lifecycle does not wait on approvals, so the ticketId in the payload resumes nothing there.
        assertEquals(List.of(new Correlation("ticket-approval", "a-1")),
                matcher.resumes("TICKET_APPROVAL_GRANTED", "acme", json("{\"ticketId\":\"t-9\",\"approvalRequestId\":\"a-1\"}")));
    }

    @Test
    void eventNoWaitingStateAwaitsResumesNothing() {
        TriggerMatcher matcher = new TriggerMatcher(List.of(lifecycle));
        assertEquals(List.of(), matcher.resumes("TICKET_CREATED", "acme", json("{\"ticketId\":\"t-9\"}")));
        assertEquals(List.of(), matcher.resumes("TICKET_CLOSED", "acme", json("{}")));
        assertEquals(List.of(), matcher.resumes("TICKET_CLOSED", "acme", json("{\"ticketId\":" + JsonValue.TRUE + "}")));
    }

    private WorkflowDefinition withTriggers(Trigger... triggers) {
        return new WorkflowDefinition("w", 1, lifecycle.initialState(), lifecycle.states(), lifecycle.transitions(), List.of(triggers));
    }
}
