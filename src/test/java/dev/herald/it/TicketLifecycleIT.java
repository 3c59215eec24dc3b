package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ticket reference service on the real server: each operation puts exactly the events its transition means on
 * Redis, with payloads the registry accepted, in the order of the operations on the ticket (its time entry's
 * event included); a refused operation puts nothing there.
 */
class TicketLifecycleIT extends RedisPipelineTestBase {

    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";


    private String created(String path, JsonObject body, String idField) throws Exception {
        HeraldClient.Reply reply = herald.post(path, body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString(idField);
    }

    private String category(String kind, String name, String flag) throws Exception {
        var body = Json.createObjectBuilder().add("name", name);
        if (flag != null) {
            body.add(flag, true);
        }
        return created("api/tickets/" + kind, body.build(), "id");
    }

    private String user(String name) throws Exception {
        return created("api/tickets/users", Json.createObjectBuilder().add("tenantId", tenant).add("name", name)
                .add("email", name + "@msp.test").build(), "userId");
    }

    private static JsonObject comment(String body, boolean internal, String authorField, String author) {
        return Json.createObjectBuilder().add("body", body).add("internal", internal).add(authorField, author).build();
    }

    private static JsonObject onUser(String tenant, String user) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("userId", user).build();
    }

    private static JsonObject fields(String... namesAndValues) {
        var body = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body.build();
    }

    @Test
    void aTicketsLifeEmitsEachTransitionInOrder() throws Exception {
        String open = category("statuses", "Open", null);
        String pending = category("statuses", "Pending", null);
        String closed = category("statuses", "Closed", "closed");
        String low = category("priorities", "Low", null);
        String high = category("priorities", "High", null);
        String desk = category("boards", "Service desk", null);
        String escalation = category("boards", "Escalations", "escalation");
        String alice = user("alice");
        String bob = user("bob");
        String contact = created("api/tickets/contacts", Json.createObjectBuilder().add("name", "Carol")
                .add("email", "carol@client.test").build(), "id");
        List<String> expected = new ArrayList<>();

        JsonObject ticket = expectEvents(201, herald.post("api/tickets", fields("ticketNumber", "T-1", "title", "Printer on fire",
                "statusId", open, "priorityId", low, "boardId", desk, "actorUserId", USER)), expected, "TICKET_CREATED");
        String ticketId = ticket.getString("ticketId");
        String t = "api/tickets/" + ticketId;
        expectEvents(200, herald.patch(t, fields("title", "Printer smoking", "actorUserId", USER)), expected, "TICKET_UPDATED");
        expectEvents(200, herald.patch(t, fields("title", "Printer smoking")), expected);
        expectEvents(200, herald.patch(t, fields("statusId", pending)), expected, "TICKET_UPDATED", "TICKET_STATUS_CHANGED");
        expectEvents(200, herald.patch(t, fields("priorityId", high)), expected, "TICKET_UPDATED", "TICKET_PRIORITY_CHANGED");
        expectEvents(200, herald.patch(t, fields("boardId", escalation, "actorUserId", USER)), expected,
                "TICKET_UPDATED", "TICKET_QUEUE_CHANGED", "TICKET_ESCALATED");
        expectEvents(202, herald.post(t + "/assignee", onUser(tenant, alice)), expected, "TICKET_ASSIGNED");
        expectEvents(202, herald.post(t + "/assignee", Json.createObjectBuilder().add("userId", bob).add("actorUserId", USER).build()), expected, "TICKET_ASSIGNED");
        expectEvents(200, herald.delete(t + "/assignee"), expected, "TICKET_UNASSIGNED");
        expectEvents(202, herald.post(t + "/resources", onUser(tenant, alice)), expected, "TICKET_UPDATED");
        expectEvents(201, herald.post(t + "/comments", comment("Restarted the spooler", false, "authorUserId", alice)),
                expected, "TICKET_MESSAGE_ADDED", "TICKET_COMMENT_ADDED");
        expectEvents(201, herald.post(t + "/comments", comment("Toner is the culprit", true, "authorUserId", alice)),
                expected, "TICKET_MESSAGE_ADDED", "TICKET_INTERNAL_NOTE_ADDED", "TICKET_COMMENT_ADDED");
        expectEvents(201, herald.post(t + "/comments", comment("Still smoking", false, "authorContactId", contact)),
                expected, "TICKET_MESSAGE_ADDED", "TICKET_CUSTOMER_REPLIED", "TICKET_COMMENT_ADDED");
        expectEvents(201, herald.post("api/time-entries", Json.createObjectBuilder().add("clientId", UUID.randomUUID().toString())
                .add("workItemId", ticketId).add("workItemType", "ticket").add("minutes", 30).add("rateCents", 10_000)
                .add("actorUserId", USER).build()), expected, "TICKET_TIME_ENTRY_ADDED");
        JsonObject closing = expectEvents(200, herald.post(t + "/close", fields("statusId", closed, "actorUserId", USER)), expected,
                "TICKET_UPDATED", "TICKET_STATUS_CHANGED", "TICKET_CLOSED");
        expectEvents(200, herald.post(t + "/reopen", fields("statusId", open)), expected,
                "TICKET_UPDATED", "TICKET_STATUS_CHANGED", "TICKET_REOPENED");

        List<Map<String, String>> entries = Eventually.await("the ticket's " + expected.size() + " events", PIPELINE, () -> {
            List<Map<String, String>> mine = workflowEntriesOf(tenant);
            return mine.size() >= expected.size() ? mine : null;
        });
        assertEquals(expected, entries.stream().map(e -> e.get("event_type")).toList(), "every event, once, in the order of the operations");
        entries.forEach(e -> assertEquals(ticketId, TicketEventRelayIT.parse(e.get("payload_json")).getString("ticketId"), e.toString()));

        JsonObject retitled = firstPayload(entries, "TICKET_UPDATED");
        assertEquals("Printer on fire", retitled.getJsonObject("changes").getJsonObject("title").getString("previous"));
        assertEquals("Printer smoking", retitled.getJsonObject("changes").getJsonObject("title").getString("new"));
        JsonObject status = firstPayload(entries, "TICKET_STATUS_CHANGED");
        assertEquals(List.of(open, pending), List.of(status.getString("previousStatusId"), status.getString("newStatusId")));
        JsonObject escalated = firstPayload(entries, "TICKET_ESCALATED");
        assertEquals(List.of(desk, escalation), List.of(escalated.getString("fromQueueId"), escalated.getString("toQueueId")));
        assertEquals(contact, firstPayload(entries, "TICKET_CUSTOMER_REPLIED").getString("contactId"));
        JsonObject reassigned = TicketEventRelayIT.parse(entries.stream().filter(e -> e.get("event_type").equals("TICKET_ASSIGNED"))
                .skip(1).findFirst().orElseThrow().get("payload_json"));
        assertEquals(List.of(alice, bob, USER), List.of(reassigned.getString("previousAssigneeId"),
                reassigned.getString("newAssigneeId"), reassigned.getString("assignedByUserId")));
        Map<String, String> closedEntry = awaitEntry("alga-psa:event-stream:global:TICKET_CLOSED", closing.getJsonArray("eventIds").getString(2));
        assertEquals(USER, Events.envelope(closedEntry).getJsonObject("payload").getString("closedByUserId"));
        assertTheConsumersAcceptEveryEventOf(tenant);
    }

    @Test
    void aFailedOperationPutsNothingOnRedis() throws Exception {
        String open = category("statuses", "Open", null);
        String closed = category("statuses", "Closed", "closed");
        String contact = created("api/tickets/contacts", Json.createObjectBuilder().add("name", "Carol").build(), "id");
        String ticketId = created("api/tickets", fields("ticketNumber", "T-1", "title", "T", "statusId", open), "ticketId");
        String t = "api/tickets/" + ticketId;
        HeraldClient elsewhere = HeraldClient.of("someone-else");

        assertEquals(400, herald.patch(t, fields("statusId", UUID.randomUUID().toString())).status(), "no such status");
        assertEquals(400, herald.patch(t, fields("boardId", "not-even-an-id")).status(), "no such board");
        assertEquals(400, herald.post(t + "/close", fields("statusId", open)).status(), "closing needs a closed status");
        assertEquals(400, herald.post(t + "/reopen", fields("statusId", open)).status(), "the ticket is not closed");
        assertEquals(400, herald.patch(t, fields("title", "X", "actorUserId", "not-a-uuid")).status(), "the actor is a user id");
        assertEquals(400, herald.post(t + "/comments", comment("psst", true, "authorContactId", contact)).status(),
                "a client contact writes no internal note");
        assertEquals(400, herald.post(t + "/comments", Json.createObjectBuilder().add("body", "who?").build()).status(),
                "a comment has an author");
        assertEquals(400, herald.post("api/tickets", fields("ticketNumber", "T-2", "title", "T", "statusId", closed + "x")).status(),
                "a ticket opened in an unknown status");
        assertEquals(409, herald.post("api/tickets", fields("ticketNumber", "T-1", "title", "again")).status(), "number taken");
        assertEquals(404, elsewhere.patch(t, fields("title", "X")).status(), "another tenant's ticket does not exist");
        assertEquals(404, elsewhere.post(t + "/close", fields("statusId", closed)).status());
        assertEquals(403, herald.post("api/tickets/users", Json.createObjectBuilder().add("tenantId", "someone-else")
                .add("name", "Mallory").build()).status(), "a body naming another tenant is refused");
        assertEquals(200, herald.delete(t + "/assignee").status(), "unassigning an unassigned ticket is no change");

        String barrier = expectEvents(200, herald.patch(t, fields("title", "barrier")), null, "TICKET_UPDATED")
                .getJsonArray("eventIds").getString(0);
        awaitEntry("alga-psa:event-stream:global:TICKET_UPDATED", barrier);
        Thread.sleep(1_000);
        assertEquals(List.of("TICKET_CREATED", "TICKET_UPDATED"), typesOfTenant(tenant),
                "the ticket, the barrier change, and nothing of the refused operations");
        assertEquals(1, herald.get("api/tickets/count").json().getInt("count"), "no row of the refused ticket");
    }
}
