package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedis;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workflows driven by published domain events: POST /api/events, the real relay writes the workflow stream, and
 * the workflow runtime's consumer group reads it. A TICKET_CREATED starts a ticket-lifecycle execution correlated by
 * the ticket id, a later event for that ticket resumes it, and an event published before any execution waits for it
 * is kept and delivered when one starts. With Redis stopped and started again, triggers go on by themselves.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowTriggerIT {

    private static final Duration PIPELINE = Duration.ofSeconds(30);

    private final String tenant = "trigger-" + UUID.randomUUID();
    private final HeraldClient herald = HeraldClient.of(tenant);
    private final WorkflowApi workflows = new WorkflowApi(tenant);

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void publishedTicketCreatedStartsATicketLifecycleExecutionCorrelatedByTheTicket() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String eventId = publish("TICKET_CREATED", ticketPayload(ticket));

        JsonObject execution = executionOf(ticket);
        assertEquals(WorkflowApi.LIFECYCLE, execution.getString("workflowName"));
        assertEquals("open", execution.getJsonObject("state").getString("currentState"));
        assertEquals(ticket, execution.getJsonObject("state").getJsonObject("data").getString("ticketId"),
                "the event's payload is the execution's initial data");
        List<JsonObject> journal = workflows.journal(execution.getString("executionId"));
        assertEquals(eventId + "/start/" + WorkflowApi.LIFECYCLE, journal.get(0).getString("eventId"));
        Thread.sleep(1_000);
        assertEquals(1, workflows.correlatedWith(ticket).size(), "one execution per event");
    }

    @Test
    void correlatedEventResumesTheWaitingExecution() throws Exception {
        String ticket = UUID.randomUUID().toString();
        publish("TICKET_CREATED", ticketPayload(ticket));
        String execution = executionOf(ticket).getString("executionId");
        String assignee = UUID.randomUUID().toString();

        String assignedId = publish("TICKET_ASSIGNED", ticketPayload(ticket).add("assignedToUserId", assignee));

        JsonObject state = Eventually.await("the execution assigned", PIPELINE, () -> {
            JsonObject current = WorkflowApi.unchecked(() -> workflows.current(execution));
            return current != null && current.getString("currentState").equals("assigned") ? current : null;
        });
        assertEquals(assignee, state.getJsonObject("data").getString("assignedToUserId"));
        assertEquals(1, state.getInt("sequence"));
        assertEquals(assignedId + "@" + execution, workflows.journal(execution).get(1).getString("eventId"));
    }

    @Test
    void eventPublishedBeforeItsExecutionExistsIsBufferedAndDeliveredWhenTheExecutionStarts() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String assignee = UUID.randomUUID().toString();
        String assignedId = publish("TICKET_ASSIGNED", ticketPayload(ticket).add("assignedToUserId", assignee));

        JsonObject early = Eventually.await("the early event kept", PIPELINE, () -> {
            List<JsonObject> kept = WorkflowApi.unchecked(workflows::earlyEvents);
            return kept == null || kept.isEmpty() ? null : kept.get(0);
        });
        assertEquals(assignedId, early.getString("eventId"));
        assertEquals(ticket, early.getString("correlationKey"));
        assertEquals(List.of(), workflows.correlatedWith(ticket), "nothing started by an assignment");

        publish("TICKET_CREATED", ticketPayload(ticket));
        String execution = executionOf(ticket).getString("executionId");
        JsonObject state = Eventually.await("the early event delivered", PIPELINE, () -> {
            JsonObject current = WorkflowApi.unchecked(() -> workflows.current(execution));
            return current != null && current.getInt("sequence") == 1 ? current : null;
        });
        assertEquals("assigned", state.getString("currentState"));
        assertEquals(assignee, state.getJsonObject("data").getString("assignedToUserId"));
        assertTrue(workflows.earlyEvents().isEmpty(), "delivered events leave the buffer");
    }

    @Test
    void triggersResumeByThemselvesWhenRedisComesBack() throws Exception {
        String ticket = UUID.randomUUID().toString();
        DevRedis server = DevServicesSession.services().redis();
        server.stop();
        try {
            publish("TICKET_CREATED", ticketPayload(ticket));
            Thread.sleep(2_000); // the consumer's reads fail meanwhile, and so do the relay's writes
        } finally {
            server.start();
        }
        JsonObject execution = executionOf(ticket);
        assertEquals("open", execution.getJsonObject("state").getString("currentState"));
    }

    private JsonObjectBuilder ticketPayload(String ticket) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", ticket);
    }

    /** Publishes through the public API; returns the event id. */
    private String publish(String type, JsonObjectBuilder payload) throws Exception {
        HeraldClient.Reply reply = herald.post("api/events", Json.createObjectBuilder().add("eventType", type)
                .add("payload", payload).build());
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("eventId");
    }

    private JsonObject executionOf(String ticket) throws InterruptedException {
        return Eventually.await("an execution correlated with ticket " + ticket, PIPELINE, () -> {
            List<JsonObject> found = WorkflowApi.unchecked(() -> workflows.correlatedWith(ticket));
            return found == null || found.isEmpty() ? null : found.get(0);
        });
    }
}
