package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the real server: a dry run unless publishing is asked for with a JSON boolean, numbers that are
 * integers in range, booleans that are JSON booleans, and references that must be the caller's tenant's own. Each
 * refusal is a 400 naming the field, and nothing of it is written or published.
 */
class StrictInputIT extends RedisPipelineTestBase {

    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String ISSUES_TYPE = "urn:herald:problem:invalid-body";

    @Test
    void aSimulationWithoutDryRunIsADryRunAndPublishesNothing() throws Exception {
        JsonObject withoutDryRun = Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", Json.createObjectBuilder().add("ticketId", UUID.randomUUID().toString())).build();
        HeraldClient.Reply reply = herald.post("api/simulator/events", withoutDryRun);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("dryRun"), reply.body());
        assertFalse(reply.json().getBoolean("published"), reply.body());
        assertOnlyTheBarrierIsPublished();
    }

    @Test
    void aNonBooleanDryRunIsA400NamingTheFieldAndPublishesNothing() throws Exception {
        for (JsonValue dryRun : List.of(Json.createValue(1), Json.createValue("yes"), Json.createValue("true"),
                Json.createValue("false"), JsonValue.NULL, Json.createValue(0))) {
            JsonObject simulation = Json.createObjectBuilder().add("eventType", "TICKET_CREATED").add("dryRun", dryRun)
                    .add("payload", Json.createObjectBuilder().add("ticketId", UUID.randomUUID().toString())).build();
            assertRefusedAt("/dryRun", herald.post("api/simulator/events", simulation));
        }
        assertOnlyTheBarrierIsPublished();
    }

    @Test
    void minutesBeyondAnIntIsA400AndNothingIsWritten() throws Exception {
        String ticket = ticketOf(herald, "T-1");
        for (JsonValue minutes : List.of(Json.createValue(-2147483649L), Json.createValue(2147483648L),
                Json.createValue(new BigDecimal("1e400")), Json.createValue(new BigDecimal("90.5")), Json.createValue("90"))) {
            assertRefusedAt("/minutes", herald.post("api/time-entries", timeOn(ticket).add("minutes", minutes).build()));
        }
        assertFalse(typesOfTenantAfterBarrier().contains("TICKET_TIME_ENTRY_ADDED"));
    }

    @Test
    void aTimeEntryWhoseAmountExceedsTheLargestAmountIsA400AndNothingIsWritten() throws Exception {
        String ticket = ticketOf(herald, "T-1");
        HeraldClient.Reply reply = herald.post("api/time-entries", timeOn(ticket).add("minutes", 120)
                .add("rateCents", 5_000_000_000_000_000_000L).build());
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.json().getString("detail").contains("rateCents"), reply.body());
        assertFalse(typesOfTenantAfterBarrier().contains("TICKET_TIME_ENTRY_ADDED"));
    }

    @Test
    void anInvoiceTotalNeverOverflowsItIsRefusedAndNothingIsInvoiced() throws Exception {
        String ticket = ticketOf(herald, "T-1");
        String client = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            HeraldClient.Reply logged = herald.post("api/time-entries", timeOn(ticket).add("clientId", client).add("minutes", 60)
                    .add("rateCents", 5_000_000_000_000_000_000L).build());
            assertEquals(201, logged.status(), logged.body());
            String entry = "api/time-entries/" + logged.json().getString("id");
            assertEquals(200, herald.post(entry + "/submit", actor()).status());
            assertEquals(200, herald.post(entry + "/approve", actor()).status());
        }
        HeraldClient.Reply invoice = herald.post("api/invoices", Json.createObjectBuilder().add("clientId", client)
                .add("currency", "EUR").add("dueDate", "2026-01-31").add("actorUserId", USER).build());
        assertEquals(400, invoice.status(), invoice.body());
        assertFalse(typesOfTenantAfterBarrier().contains("INVOICE_GENERATED"));
    }

    @Test
    void aPaymentAmountThatIsNotAnIntegerIsA400() throws Exception {
        for (JsonValue amount : List.of(Json.createValue("5000"), Json.createValue(new BigDecimal("50.5")),
                Json.createValue(new BigDecimal("9223372036854775808")))) {
            assertRefusedAt("/amountCents", herald.post("api/invoices/" + UUID.randomUUID() + "/payments",
                    Json.createObjectBuilder().add("amountCents", amount).build()));
        }
    }

    @Test
    void anExpectedSequenceThatIsNotAnIntegerIsA400() throws Exception {
        JsonObject event = Json.createObjectBuilder().add("expectedSequence", new BigDecimal("0.5")).add("eventId", "e-1")
                .add("eventName", "TICKET_ASSIGNED").add("payload", JsonValue.EMPTY_JSON_OBJECT).build();
        assertRefusedAt("/expectedSequence", herald.post("api/workflows/executions/" + UUID.randomUUID() + "/events", event));
    }

    @Test
    void aCommentWhoseInternalIsNotABooleanIsA400() throws Exception {
        String ticket = ticketOf(herald, "T-1");
        String author = herald.post("api/tickets/users", Json.createObjectBuilder().add("name", "Alice")
                .add("email", "alice@msp.test").build()).json().getString("userId");
        for (JsonValue internal : List.of(Json.createValue("yes"), Json.createValue(1), JsonValue.NULL)) {
            assertRefusedAt("/internal", herald.post("api/tickets/" + ticket + "/comments", Json.createObjectBuilder()
                    .add("body", "psst").add("internal", internal).add("authorUserId", author).build()));
        }
        assertFalse(typesOfTenantAfterBarrier().contains("TICKET_MESSAGE_ADDED"));
    }

    @Test
    void aStatusWhoseClosedIsNotABooleanIsA400() throws Exception {
        assertRefusedAt("/closed", herald.post("api/tickets/statuses",
                Json.createObjectBuilder().add("name", "Done").add("closed", "true").build()));
    }

    @Test
    void aTimeEntryReferencingAnotherTenantsTicketIsRefused() throws Exception {
        String foreignTicket = ticketOf(HeraldClient.of(UUID.randomUUID().toString()), "T-1");
        for (String workItem : List.of(foreignTicket, UUID.randomUUID().toString())) {
            HeraldClient.Reply reply = herald.post("api/time-entries", timeOn(workItem).add("minutes", 30).build());
            assertEquals(400, reply.status(), reply.body());
            assertTrue(reply.json().getString("detail").contains("workItemId"), reply.body());
        }
        assertFalse(typesOfTenantAfterBarrier().contains("TICKET_TIME_ENTRY_ADDED"));
    }

    @Test
    void aTimeEntryReferencingAnotherTenantsProjectTaskIsRefused() throws Exception {
        HeraldClient other = HeraldClient.of(UUID.randomUUID().toString());
        String project = other.post("api/projects", Json.createObjectBuilder().add("name", "Theirs").build()).json().getString("id");
        String foreignTask = other.post("api/projects/" + project + "/tasks", Json.createObjectBuilder().add("title", "T").build())
                .json().getString("id");
        HeraldClient.Reply reply = herald.post("api/time-entries", Json.createObjectBuilder().add("workItemId", foreignTask)
                .add("workItemType", "project_task").add("minutes", 30).add("actorUserId", USER).build());
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.json().getString("detail").contains("workItemId"), reply.body());
        assertFalse(typesOfTenantAfterBarrier().contains("TICKET_TIME_ENTRY_ADDED"));
    }

    @Test
    void aTaskDependencyOnAnotherTenantsTaskIsRefusedNamingTheField() throws Exception {
        HeraldClient other = HeraldClient.of(UUID.randomUUID().toString());
        String theirProject = other.post("api/projects", Json.createObjectBuilder().add("name", "Theirs").build()).json().getString("id");
        String foreignTask = other.post("api/projects/" + theirProject + "/tasks", Json.createObjectBuilder().add("title", "T").build())
                .json().getString("id");
        String project = herald.post("api/projects", Json.createObjectBuilder().add("name", "Ours").build()).json().getString("id");
        String task = herald.post("api/projects/" + project + "/tasks", Json.createObjectBuilder().add("title", "T").build())
                .json().getString("id");
        HeraldClient.Reply reply = herald.post("api/projects/" + project + "/tasks/" + task + "/dependencies",
                Json.createObjectBuilder().add("blockedByTaskId", foreignTask).build());
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.json().getString("detail").contains("blockedByTaskId"), reply.body());
        assertFalse(typesOfTenantAfterBarrier().contains("PROJECT_TASK_DEPENDENCY_BLOCKED"));
    }

    private static void assertRefusedAt(String pointer, HeraldClient.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        JsonObject problem = reply.json();
        assertEquals(ISSUES_TYPE, problem.getString("type"), reply.body());
        assertEquals(List.of(pointer), problem.getJsonArray("issues").stream()
                .map(i -> i.asJsonObject().getString("pointer")).toList(), reply.body());
    }

    private static String ticketOf(HeraldClient client, String number) throws Exception {
        HeraldClient.Reply reply = client.post("api/tickets", Json.createObjectBuilder().add("ticketNumber", number)
                .add("title", "Printer on fire").build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("ticketId");
    }

    private static JsonObjectBuilder timeOn(String ticket) {
        return Json.createObjectBuilder().add("workItemId", ticket).add("workItemType", "ticket").add("actorUserId", USER);
    }

    private static JsonObject actor() {
        return Json.createObjectBuilder().add("actorUserId", USER).build();
    }

    /** The tenant's types on the workflow stream once a barrier event published after the refusals is there. */
    private List<String> typesOfTenantAfterBarrier() throws Exception {
        String barrier = herald.post("api/events", Events.ticketCreated(tenant).build()).json().getString("eventId");
        Eventually.await("barrier " + barrier, PIPELINE,
                () -> workflowEntriesOf(tenant).stream().anyMatch(e -> barrier.equals(e.get("event_id"))) ? true : null);
        return typesOfTenant(tenant);
    }

    private void assertOnlyTheBarrierIsPublished() throws Exception {
        String barrier = herald.post("api/events", Events.ticketCreated(tenant).build()).json().getString("eventId");
        awaitEntry(TICKET_CREATED_STREAM, barrier);
        assertEquals(List.of(barrier), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant), "only the barrier");
    }
}
