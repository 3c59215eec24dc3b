package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * The reference subscriber on the real server, Redis and database: a ticket of a client company, with an
 * additional resource and an assignee, gets one notification per recipient and event, also when an event is
 * delivered again.
 */
class TicketNotificationIT extends RedisPipelineTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private String create(String path, JsonObject body, String idField) throws Exception {
        HeraldClient.Reply reply = herald.post(path, body);
        assertEquals(path.contains("/assignee") || path.contains("/resources") ? 202 : 201, reply.status(), reply.body());
        return reply.json().getString(idField);
    }

    private static JsonObject named(String tenant, String name, String email) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("name", name).add("email", email).build();
    }

    private static JsonObject user(String tenant, String userId) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("userId", userId).build();
    }

    /** Waits until the ticket's notifications are exactly these; on a timeout, says which it had. */
    private void awaitNotifications(String ticketId, Set<String> expected) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Set<String>> last = new java.util.concurrent.atomic.AtomicReference<>(Set.of());
        try {
            Eventually.await(expected.size() + " notifications", WAIT, () -> {
                last.set(notifications(tenant, ticketId));
                return last.get().equals(expected) ? true : null;
            });
        } catch (AssertionError notYet) {
            throw new AssertionError(notYet.getMessage() + "; the ticket had " + last.get() + ", expected " + expected, notYet);
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> both = new java.util.HashSet<>(first);
        both.addAll(second);
        return Set.copyOf(both);
    }

    private Set<String> notifications(String tenant, String ticketId) {
        try {
            return HeraldClient.of(tenant).get("api/tickets/" + ticketId + "/notifications").jsonArray().stream()
                    .map(JsonValue::asJsonObject).map(n -> n.getString("eventType") + " " + n.getString("role") + " " + n.getString("recipient"))
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCreatedUpdatedAndAssignedTicketNotifiesItsCompanyResourceAndAssigneeOnceEach() throws Exception {
        String company = create("api/tickets/companies", named(tenant, "Acme", "desk@acme.test"), "companyId");
        String alice = create("api/tickets/users", named(tenant, "Alice", "alice@msp.test"), "userId");
        String bob = create("api/tickets/users", named(tenant, "Bob", "bob@msp.test"), "userId");
        HeraldClient.Reply ticket = herald.post("api/tickets", Json.createObjectBuilder().add("tenantId", tenant)
                .add("ticketNumber", "T-1").add("title", "Printer on fire").add("companyId", company).build());
        assertEquals(201, ticket.status(), ticket.body());
        String ticketId = ticket.json().getString("ticketId");
        // The subscriber finds the recipients when an event reaches it, from the ticket as it is then: each step
        // waits for the previous event's notifications, or a slow delivery of TICKET_CREATED would already see the
        // resource and the assignee added after it.
        Set<String> created = Set.of("TICKET_CREATED COMPANY desk@acme.test");
        awaitNotifications(ticketId, created);
        create("api/tickets/" + ticketId + "/resources", user(tenant, bob), "eventId");
        Set<String> updated = union(created, Set.of("TICKET_UPDATED COMPANY desk@acme.test", "TICKET_UPDATED RESOURCE bob@msp.test"));
        awaitNotifications(ticketId, updated);
        String assigned = create("api/tickets/" + ticketId + "/assignee", user(tenant, alice), "eventId");

        Set<String> expected = union(updated, Set.of("TICKET_ASSIGNED COMPANY desk@acme.test",
                "TICKET_ASSIGNED ASSIGNEE alice@msp.test", "TICKET_ASSIGNED RESOURCE bob@msp.test"));
        awaitNotifications(ticketId, expected);

        // The same TICKET_ASSIGNED again, its subscriber mark gone: the subscriber runs, and records nothing new.
        String stream = "alga-psa:event-stream:global:TICKET_ASSIGNED";
        Map<String, String> entry = awaitEntry(stream, assigned);
        redis.delete("herald:delivered:" + assigned + ":global:ticket-notifications");
        redis.client().<String, String>getStream(stream, StringCodec.INSTANCE).add(StreamAddArgs.entries(entry));
        Eventually.await("the redelivery handled", WAIT,
                () -> redis.client().getBucket("herald:delivered:" + assigned + ":global:ticket-notifications",
                        StringCodec.INSTANCE).isExists() ? true : null);
        assertEquals(expected, notifications(tenant, ticketId), "no duplicate notification");
        assertEquals(6, herald.get("api/tickets/" + ticketId + "/notifications").jsonArray().size());
    }

    @Test
    void anotherTenantSeesNoneOfTheNotifications() throws Exception {
        String company = create("api/tickets/companies", named(tenant, "Acme", "desk@acme.test"), "companyId");
        HeraldClient.Reply ticket = herald.post("api/tickets", Json.createObjectBuilder().add("tenantId", tenant)
                .add("ticketNumber", "T-1").add("title", "Printer on fire").add("companyId", company).build());
        String ticketId = ticket.json().getString("ticketId");
        Eventually.await("the notification", WAIT, () -> notifications(tenant, ticketId).isEmpty() ? null : true);
        assertEquals(404, HeraldClient.of(UUID.randomUUID().toString()).get("api/tickets/" + ticketId + "/notifications").status(),
                "another tenant's ticket is as unknown as a missing one");
        assertEquals(404, HeraldClient.of("other-tenant").post("api/tickets/" + ticketId + "/assignee", user("other-tenant", UUID.randomUUID().toString())).status());
    }
}
