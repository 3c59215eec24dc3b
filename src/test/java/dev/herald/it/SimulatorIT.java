package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.auth.TokenRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event simulator on the real server, broker and Redis: published, dry run, refused, recorded, tenant-bound. */
class SimulatorIT extends RedisPipelineTestBase {

    @Test
    void publishedSimulationReachesItsTypeStreamMarkedAsSimulated() throws Exception {
        String tenant = tenant();
        String ticketId = UUID.randomUUID().toString();
        HeraldClient.Reply reply = HeraldClient.of(tenant).post("api/simulator/events", simulation(ticketCreated(ticketId), false));
        assertEquals(202, reply.status(), reply.body());
        JsonObject answer = reply.json();
        assertTrue(answer.getBoolean("published"));
        assertFalse(answer.getBoolean("dryRun"));
        assertEquals(tenant, answer.getJsonObject("payload").getString("tenantId"), "the caller's tenant is put in");
        assertTrue(answer.getJsonObject("payload").containsKey("occurredAt"), "the publisher's enrichment");

        JsonObject envelope = Events.envelope(awaitEntry(TICKET_CREATED_STREAM, answer.getString("eventId")));
        assertTrue(envelope.getBoolean("simulated"), envelope.toString());
        assertEquals(answer.getJsonObject("payload"), envelope.getJsonObject("payload"), "the answer shows what was published");
        assertEquals(ticketId, envelope.getJsonObject("payload").getString("ticketId"));
        assertEquals(lifecycleStart(ticketId), answer.getJsonArray("matchedTriggers"));
    }

    @Test
    void actorIsTheTokensUserWhereTheSchemaHasTheField() throws Exception {
        String tenant = tenant();
        String user = UUID.randomUUID().toString();
        HeraldClient person = new HeraldClient(Tokens.signer().sign(new TokenRequest(tenant, user, List.of("simulator"),
                Duration.ofMinutes(10))));
        HeraldClient.Reply reply = person.post("api/simulator/events", simulation(ticketCreated(UUID.randomUUID().toString()), true));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(user, reply.json().getJsonObject("payload").getString("actorUserId"));
    }

    @Test
    void invalidSimulationAnswersEveryIssueAndPublishesNothing() throws Exception {
        String tenant = tenant();
        HeraldClient client = HeraldClient.of(tenant);
        JsonObject invalid = Json.createObjectBuilder().add("ticketId", "not-a-uuid").add("actorType", "ROBOT").build();
        HeraldClient.Reply reply = client.post("api/simulator/events", simulation(invalid, false));
        assertEquals(400, reply.status(), reply.body());
        assertEquals("urn:herald:problem:invalid-event", reply.json().getString("type"));
        List<String> pointers = reply.json().getJsonArray("issues").stream()
                .map(i -> i.asJsonObject().getString("pointer")).sorted().toList();
        assertEquals(List.of("/payload/actorType", "/payload/ticketId"), pointers, reply.body());

        publishBarrierAndAwait(tenant);
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "only the barrier");
        JsonObject recorded = client.get("api/simulator/simulations").json().getJsonArray("items").getJsonObject(0);
        assertEquals("INVALID", recorded.getString("outcome"));
        assertEquals(2, recorded.getInt("issueCount"));
        assertEquals(JsonValue.NULL, recorded.get("eventId"));
    }

    @Test
    void dryRunPublishesNothingAndReportsTheMatchedTriggers() throws Exception {
        String tenant = tenant();
        String ticketId = UUID.randomUUID().toString();
        HeraldClient.Reply reply = HeraldClient.of(tenant).post("api/simulator/events", simulation(ticketCreated(ticketId), true));
        assertEquals(200, reply.status(), reply.body());
        JsonObject answer = reply.json();
        assertFalse(answer.containsKey("eventId"), reply.body());
        assertFalse(answer.getBoolean("published"));
        assertTrue(answer.getBoolean("dryRun"));
        assertEquals(lifecycleStart(ticketId), answer.getJsonArray("matchedTriggers"));

        publishBarrierAndAwait(tenant);
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "only the barrier");
    }

    @Test
    void simulationsAreListedNewestFirstToTheirTenantOnly() throws Exception {
        String tenant = tenant();
        HeraldClient client = HeraldClient.of(tenant);
        String dryRun = client.post("api/simulator/events", simulation(ticketCreated(UUID.randomUUID().toString()), true))
                .json().getString("simulationId");
        JsonObject published = client.post("api/simulator/events", simulation(ticketCreated(UUID.randomUUID().toString()), false)).json();

        List<JsonObject> items = client.get("api/simulator/simulations").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of(published.getString("simulationId"), dryRun), items.stream().map(i -> i.getString("simulationId")).toList());
        JsonObject newest = items.get(0);
        assertEquals("PUBLISHED", newest.getString("outcome"));
        assertEquals(published.getString("eventId"), newest.getString("eventId"));
        assertEquals("TICKET_CREATED", newest.getString("eventType"));
        assertEquals("it-user@" + tenant, newest.getString("user"));
        assertFalse(newest.getBoolean("dryRun"));
        assertEquals(0, newest.getInt("issueCount"));
        assertEquals("DRY_RUN", items.get(1).getString("outcome"));
        assertTrue(items.get(1).getBoolean("dryRun"));
        assertFalse(Instant.parse(newest.getString("at")).isBefore(Instant.parse(items.get(1).getString("at"))));

        assertEquals(1, client.get("api/simulator/simulations?limit=1").json().getJsonArray("items").size());
        assertEquals(200, HeraldClient.of(tenant, "reader").get("api/simulator/simulations").status(), "a reader may look");
        assertEquals(List.of(), HeraldClient.of(tenant()).get("api/simulator/simulations").json().getJsonArray("items"),
                "another tenant sees none of them");
        assertEquals(400, client.get("api/simulator/simulations?limit=0").status());
        assertEquals(400, client.get("api/simulator/simulations?limit=201").status());
    }

    @Test
    void payloadNamingAnotherTenantIsForbiddenAndPublishesNothing() throws Exception {
        String tenant = tenant();
        String other = tenant();
        JsonObject foreign = Json.createObjectBuilder(ticketCreated(UUID.randomUUID().toString())).add("tenantId", other).build();
        HeraldClient.Reply reply = HeraldClient.of(tenant).post("api/simulator/events", simulation(foreign, false));
        assertEquals(403, reply.status(), reply.body());

        publishBarrierAndAwait(tenant);
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "only the barrier");
        assertEquals(List.of(), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), other));
    }

    @Test
    void readerMayNotSimulate() throws Exception {
        String tenant = tenant();
        HeraldClient.Reply reply = HeraldClient.of(tenant, "reader")
                .post("api/simulator/events", simulation(ticketCreated(UUID.randomUUID().toString()), true));
        assertEquals(403, reply.status(), reply.body());
        assertEquals(List.of(), HeraldClient.of(tenant).get("api/simulator/simulations").json().getJsonArray("items"));
    }

    @Test
    void catalogEntryListsTheWorkflowTriggersOnItsType() throws Exception {
        HeraldClient reader = HeraldClient.of(tenant(), "reader");
        HeraldClient.Reply created = reader.get("api/catalog/TICKET_CREATED");
        assertEquals(200, created.status(), created.body());
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("workflow", "ticket-lifecycle").add("version", 1)
                .add("action", "start").add("correlationField", "ticketId")).build(), created.json().getJsonArray("workflowTriggers"));
        assertEquals(List.of(), reader.get("api/catalog/TICKET_ASSIGNED").json().getJsonArray("workflowTriggers"));
    }

    private static JsonObject simulation(JsonObject payload, boolean dryRun) {
        return Json.createObjectBuilder().add("eventType", "TICKET_CREATED").add("payload", payload).add("dryRun", dryRun).build();
    }

    private static JsonObject ticketCreated(String ticketId) {
        return Json.createObjectBuilder().add("ticketId", ticketId).build();
    }

    private static jakarta.json.JsonArray lifecycleStart(String ticketId) {
        JsonObjectBuilder start = Json.createObjectBuilder().add("workflow", "ticket-lifecycle").add("version", 1)
                .add("action", "start").add("correlationField", "ticketId").add("correlationKey", ticketId);
        return Json.createArrayBuilder().add(start).build();
    }

    private void publishBarrierAndAwait(String tenant) throws Exception {
        String barrier = HeraldClient.of(tenant).post("api/events", Events.ticketCreated(tenant).build()).json().getString("eventId");
        awaitEntry(TICKET_CREATED_STREAM, barrier);
        Thread.sleep(1_000); // room for a straggler that should not exist
    }

    private static String tenant() {
        return UUID.randomUUID().toString();
    }
}
