package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CloudEvents 1.0 into Herald's publish path over HTTP: binary and structured mode reach the event's stream once (a
 * retry with the same source and id publishes nothing new), a CloudEvent that breaks a rule is a 400 naming the
 * attribute and publishes nothing, another tenant's is a 403, a bad payload gets the issues /api/events gives.
 */
class CloudEventsIT extends RedisPipelineTestBase {

    private static final String STRUCTURED = "application/cloudevents+json";

    private JsonObject data(String ticketId) {
        return Json.createObjectBuilder().add("ticketId", ticketId).build();
    }

    private HttpResponse<String> binary(HeraldClient client, String id, String type, JsonObject data, String... more) throws Exception {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/json", "ce-specversion", "1.0",
                "ce-id", id, "ce-source", "/crm/tickets", "ce-type", type));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("api/cloudevents"))
                .POST(HttpRequest.BodyPublishers.ofString(data.toString()));
        headers.forEach(request::header);
        return client.exchange(request);
    }

    private HttpResponse<String> structured(HeraldClient client, JsonObject event) throws Exception {
        return client.exchange(HttpRequest.newBuilder(client.uri("api/cloudevents")).header("Content-Type", STRUCTURED)
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new java.io.StringReader(answer.body())).readObject();
    }

    @Test
    void aBinaryCloudEventIsPublishedOnceWhateverTheRetries() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String ceId = "crm-" + UUID.randomUUID();
        HttpResponse<String> first = binary(herald, ceId, "TICKET_CREATED", data(ticket), "ce-subject", "ticket:" + ticket,
                "ce-tenantid", tenant, "ce-time", "2026-05-01T12:00:00+02:00", "ce-comexampletrace", "abc");
        assertEquals(202, first.statusCode(), first.body());
        String eventId = json(first).getString("eventId");
        Map<String, String> entry = awaitEntry(TICKET_CREATED_STREAM, eventId);
        JsonObject payload = Events.envelope(entry).getJsonObject("payload");
        assertEquals(ticket, payload.getString("ticketId"));
        assertEquals(tenant, payload.getString("tenantId"), "the caller's tenant, stamped as /api/events does");

        HttpResponse<String> retry = binary(herald, ceId, "TICKET_CREATED", data(ticket));
        assertEquals(202, retry.statusCode(), retry.body());
        assertEquals(eventId, json(retry).getString("eventId"), "the retry answers with the first event");
        HttpResponse<String> otherSource = binary(herald, ceId, "TICKET_CREATED", data(ticket), "ce-source", "/billing");
        assertEquals(202, otherSource.statusCode(), otherSource.body());
        String otherId = json(otherSource).getString("eventId");
        assertNotEquals(eventId, otherId, "the same id from another source is another event");
        awaitEntry(TICKET_CREATED_STREAM, otherId);

        barrier();
        assertEquals(List.of(eventId, otherId, lastBarrier), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant),
                "one event for the two posts of one CloudEvent, one for the other source, then the barrier");
    }

    @Test
    void aStructuredCloudEventIsPublishedOnceToo() throws Exception {
        String ticket = UUID.randomUUID().toString();
        JsonObject event = Json.createObjectBuilder().add("specversion", "1.0").add("id", "s-" + UUID.randomUUID())
                .add("source", "urn:crm:tickets").add("type", "TICKET_CREATED").add("subject", "ticket:" + ticket)
                .add("datacontenttype", "application/json").add("tenantid", tenant).add("unknownext", 3)
                .add("data", data(ticket)).build();
        HttpResponse<String> first = structured(herald, event);
        assertEquals(202, first.statusCode(), first.body());
        String eventId = json(first).getString("eventId");
        awaitEntry(TICKET_CREATED_STREAM, eventId);
        HttpResponse<String> again = structured(herald, event);
        assertEquals(eventId, json(again).getString("eventId"));
        HttpResponse<String> otherSource = structured(herald, Json.createObjectBuilder(event).add("source", "urn:other").build());
        assertEquals(202, otherSource.statusCode(), otherSource.body());
        String otherId = json(otherSource).getString("eventId");
        assertNotEquals(eventId, otherId, "(source, id) is the CloudEvent's identity");
        awaitEntry(TICKET_CREATED_STREAM, otherId);
        barrier();
        assertEquals(List.of(eventId, otherId, lastBarrier), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant));
    }

    @Test
    void aBadCloudEventIsA400NamingTheAttributeAndPublishesNothing() throws Exception {
        String ticket = UUID.randomUUID().toString();
        HttpResponse<String> wrongVersion = binary(herald, "v-1", "TICKET_CREATED", data(ticket), "ce-specversion", "0.3");
        assertEquals(400, wrongVersion.statusCode(), wrongVersion.body());
        assertEquals("specversion", json(wrongVersion).getString("attribute"));
        assertTrue(wrongVersion.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        JsonObject valid = Json.createObjectBuilder().add("specversion", "1.0").add("id", "b-1").add("source", "/crm")
                .add("type", "TICKET_CREATED").add("data", data(ticket)).build();
        for (Map.Entry<String, JsonObject> bad : Map.of(
                "specversion", Json.createObjectBuilder(valid).add("specversion", "0.3").build(),
                "id", Json.createObjectBuilder(valid).remove("id").build(),
                "source", Json.createObjectBuilder(valid).add("source", "not a uri").build(),
                "type", Json.createObjectBuilder(valid).add("type", "").build(),
                "time", Json.createObjectBuilder(valid).add("time", "yesterday").build(),
                "data", Json.createObjectBuilder(valid).add("data", Json.createArrayBuilder().add(1)).build(),
                "Bad_Name", Json.createObjectBuilder(valid).add("Bad_Name", "x").build()).entrySet()) {
            HttpResponse<String> answer = structured(herald, bad.getValue());
            assertEquals(400, answer.statusCode(), bad.getKey() + ": " + answer.body());
            assertEquals(bad.getKey(), json(answer).getString("attribute"), answer.body());
        }
        HttpResponse<String> missingHeaders = herald.exchange(HttpRequest.newBuilder(herald.uri("api/cloudevents"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(data(ticket).toString())));
        assertEquals(400, missingHeaders.statusCode(), missingHeaders.body());
        assertEquals("specversion", json(missingHeaders).getString("attribute"));

        // A bad payload: the issues POST /api/events gives, at pointers into the CloudEvent.
        JsonObject badPayload = Json.createObjectBuilder().add("ticketId", "not-a-uuid").add("actorType", "ROBOT").build();
        HttpResponse<String> invalid = binary(herald, "p-1", "TICKET_CREATED", badPayload);
        assertEquals(400, invalid.statusCode(), invalid.body());
        HeraldClient.Reply asEvent = herald.post("api/events", Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", badPayload).build());
        assertEquals(400, asEvent.status(), asEvent.body());
        List<String> cloudEventIssues = json(invalid).getJsonArray("issues").stream()
                .map(i -> i.asJsonObject().getString("pointer") + " " + i.asJsonObject().getString("message")).sorted().toList();
        List<String> eventIssues = asEvent.json().getJsonArray("issues").stream()
                .map(i -> i.asJsonObject().getString("pointer").replace("/payload/", "/data/") + " " + i.asJsonObject().getString("message"))
                .sorted().toList();
        assertEquals(eventIssues, cloudEventIssues);
        HttpResponse<String> unknownType = binary(herald, "t-1", "dev.herald.TICKET_CREATED", data(ticket));
        assertEquals(400, unknownType.statusCode(), unknownType.body());
        assertEquals("/type", json(unknownType).getJsonArray("issues").getJsonObject(0).getString("pointer"));

        barrier();
        assertEquals(List.of(lastBarrier), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant), "only the barrier");
    }

    @Test
    void anotherTenantsCloudEventIsA403AndPublishesNothing() throws Exception {
        String other = UUID.randomUUID().toString();
        String ticket = UUID.randomUUID().toString();
        HttpResponse<String> byExtension = binary(herald, "x-1", "TICKET_CREATED", data(ticket), "ce-tenantid", other);
        assertEquals(403, byExtension.statusCode(), byExtension.body());
        HttpResponse<String> byPayload = binary(herald, "x-2", "TICKET_CREATED",
                Json.createObjectBuilder(data(ticket)).add("tenantId", "globex").build());
        assertEquals(403, byPayload.statusCode(), byPayload.body());
        HttpResponse<String> reader = binary(HeraldClient.of(tenant, "reader"), "x-3", "TICKET_CREATED", data(ticket));
        assertEquals(403, reader.statusCode(), "a reader may not publish, as on /api/events: " + reader.body());
        barrier();
        assertEquals(List.of(lastBarrier), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant), "only the barrier");
        assertEquals(List.of(), workflowEntriesOf(other));
    }

    private String lastBarrier;

    private void barrier() throws Exception {
        lastBarrier = herald.post("api/events", Events.ticketCreated(tenant).build()).json().getString("eventId");
        awaitEntry(TICKET_CREATED_STREAM, lastBarrier);
        Thread.sleep(1_000); // room for a straggler that should not exist
    }
}
