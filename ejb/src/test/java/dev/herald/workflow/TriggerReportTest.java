package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerReportTest {

    private static final WorkflowDefinitions SHIPPED = WorkflowDefinitions.loadFromClasspath();
    private final TriggerReport report = new TriggerReport(SHIPPED);

    @Test
    void catalogOfTicketCreatedListsTheShippedLifecycleTrigger() {
        assertEquals(List.of("{\"workflow\":\"ticket-lifecycle\",\"version\":1,\"action\":\"start\",\"correlationField\":\"ticketId\"}"),
                report.forType("TICKET_CREATED", "acme").stream().map(t -> t.toJson().toString()).toList());
    }

    @Test
    void aTypeNoTriggerListensToListsNothing() {
        assertEquals(List.of(), report.forType("TICKET_ASSIGNED", "acme"), "the lifecycle waits on it but is not triggered by it");
        assertEquals(List.of(), report.forType("TICKET_TELEPORTED", "acme"));
    }

    @Test
    void catalogShowsTheNewestVersionATriggerStartsAndItsFilter() {
        WorkflowDefinition lifecycle = SHIPPED.get("ticket-lifecycle", 1);
        PayloadFilter urgent = new PayloadFilter(Map.of("priority", List.of(json("{\"p\":\"high\"}").get("p"))));
        WorkflowDefinition v2 = new WorkflowDefinition("ticket-lifecycle", 2, lifecycle.initialState(), lifecycle.states(),
                lifecycle.transitions(), List.of(new Trigger("TICKET_CREATED", null, urgent, null)));
        TriggerReport both = new TriggerReport(WorkflowDefinitions.of(List.of(lifecycle, v2)));
        assertEquals(List.of("{\"workflow\":\"ticket-lifecycle\",\"version\":2,\"action\":\"start\",\"filter\":{\"priority\":[\"high\"]}}"),
                both.forType("TICKET_CREATED", "acme").stream().map(t -> t.toJson().toString()).toList());
    }

    @Test
    void aTenantsOwnTriggerIsInvisibleToOtherTenants() {
        WorkflowDefinition lifecycle = SHIPPED.get("ticket-lifecycle", 1);
        WorkflowDefinition acmeOnly = new WorkflowDefinition("acme-intake", 1, lifecycle.initialState(), lifecycle.states(),
                lifecycle.transitions(), List.of(new Trigger("TICKET_CREATED", "acme", null, "ticketId")));
        TriggerReport tenants = new TriggerReport(WorkflowDefinitions.of(List.of(acmeOnly)));
        assertEquals(1, tenants.forType("TICKET_CREATED", "acme").size());
        assertEquals(List.of(), tenants.forType("TICKET_CREATED", "globex"));
    }

    @Test
    void anEventStartsWithItsCorrelationKey() {
        assertEquals(List.of("{\"workflow\":\"ticket-lifecycle\",\"version\":1,\"action\":\"start\",\"correlationField\":\"ticketId\","
                        + "\"correlationKey\":\"t-9\"}"),
                report.forEvent("TICKET_CREATED", "acme", json("{\"ticketId\":\"t-9\"}")).stream().map(t -> t.toJson().toString()).toList());
    }

    @Test
    void anEventWaitingExecutionsTakeIsReportedAsAResume() {
        assertEquals(List.of("{\"workflow\":\"ticket-lifecycle\",\"action\":\"resume\",\"correlationKey\":\"t-9\"}"),
                report.forEvent("TICKET_ASSIGNED", "acme", json("{\"ticketId\":\"t-9\"}")).stream().map(t -> t.toJson().toString()).toList());
    }

    @Test
    void anEventWithoutItsCorrelationValueReachesNothing() {
        assertEquals(List.of(), report.forEvent("TICKET_CREATED", "acme", json("{}")));
    }
}
