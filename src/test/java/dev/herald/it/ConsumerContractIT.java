package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.contract.ConsumerContract;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What Herald writes to Redis is what the existing consumers accept: their contract (module contract) checks every
 * stream entry and workflow-stream entry that the real server wrote.
 */
class ConsumerContractIT extends RedisPipelineTestBase {

    @Test
    void everyCatalogExamplePublishedOverHttpIsWrittenAsTheConsumersAcceptIt() throws Exception {
        List<String> refused = new ArrayList<>();
        Map<String, String> eventIdByType = new LinkedHashMap<>();
        for (String type : ConsumerContract.eventTypes()) {
            HeraldClient.Reply entry = herald.get("api/catalog/" + type);
            assertEquals(200, entry.status(), entry.body());
            JsonObject example = entry.json().getJsonObject("examplePayload");
            HeraldClient.Reply published = herald.post("api/events", Json.createObjectBuilder().add("eventType", type)
                    .add("payload", inOwnTenant(example)).build());
            if (published.status() == 202) {
                eventIdByType.put(type, published.json().getString("eventId"));
            } else {
                refused.add(type + ": Herald answered " + published.status() + " to its own catalog example " + example
                        + ": " + published.body());
            }
        }
        for (Map.Entry<String, String> event : eventIdByType.entrySet()) {
            Map<String, String> onStream = awaitEntry("alga-psa:event-stream:global:" + event.getKey(), event.getValue());
            ConsumerContract.envelopeViolations(onStream.get("event"))
                    .forEach(v -> refused.add(event.getKey() + " envelope: " + v + " in " + onStream.get("event")));
        }
        List<Map<String, String>> workflowEntries = Eventually.await("the workflow entries of every event", PIPELINE, () -> {
            List<Map<String, String>> mine = workflowEntriesOf(tenant);
            return mine.size() >= eventIdByType.size() ? mine : null;
        });
        for (Map<String, String> entry : workflowEntries) {
            ConsumerContract.workflowEntryViolations(entry)
                    .forEach(v -> refused.add(entry.get("event_type") + " workflow entry: " + v + " in " + entry));
        }
        assertEquals(280, ConsumerContract.eventTypes().size());
        assertEquals(List.of(), refused, refused.size() + " problems");
        assertEquals(280, eventIdByType.size());
    }

    @Test
    void aDateTimeGivenWithAnOffsetIsAcceptedAndWrittenInUtcWithZ() throws Exception {
        JsonObject payload = Json.createObjectBuilder(Events.ticketCreated(tenant).build().getJsonObject("payload"))
                .add("occurredAt", "2026-11-23T08:41:51.5+01:00").build();
        HeraldClient.Reply reply = herald.post("api/events", Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", payload).build());
        assertEquals(202, reply.status(), reply.body());
        JsonObject envelope = Events.envelope(awaitEntry(Events.TICKET_CREATED_STREAM, reply.json().getString("eventId")));
        assertEquals("2026-11-23T07:41:51.500Z", envelope.getJsonObject("payload").getString("occurredAt"));
        assertEquals(List.of(), ConsumerContract.envelopeViolations(envelope.toString()));
    }

    @Test
    void aTenantSlugIsWrittenAsTheTenantsUuidAndAnotherTenantsSlugIsRefused() throws Exception {
        String slug = "contract-it-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.nameUUIDFromBytes(("herald:tenant:" + slug).getBytes(StandardCharsets.UTF_8)).toString();
        HeraldClient bySlug = HeraldClient.of(slug);
        HeraldClient.Reply reply = bySlug.post("api/events", Events.ticketCreated(slug).build());
        assertEquals(202, reply.status(), reply.body());
        JsonObject envelope = Events.envelope(awaitEntry(Events.TICKET_CREATED_STREAM, reply.json().getString("eventId")));
        assertEquals(id, envelope.getJsonObject("payload").getString("tenantId"), "the slug's UUID on the wire");
        assertEquals(List.of(), ConsumerContract.envelopeViolations(envelope.toString()));
        assertEquals(202, HeraldClient.of(id).post("api/events", Events.ticketCreated(slug).build()).status(),
                "a token carrying the UUID is the same tenant as its slug");

        HeraldClient.Reply foreign = bySlug.post("api/events", Events.ticketCreated("someone-else").build());
        assertEquals(403, foreign.status(), foreign.body());
    }

    @Test
    void aTenantsCustomTypeIsCheckedAgainstItsSchemaAndPublishedAsACustomEvent() throws Exception {
        String type = "WIDGET_SHIPPED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonObject schema = Json.createObjectBuilder().add("type", "object")
                .add("required", Json.createArrayBuilder().add("tenantId").add("widgetId"))
                .add("properties", Json.createObjectBuilder()
                        .add("tenantId", Json.createObjectBuilder().add("type", "string"))
                        .add("widgetId", Json.createObjectBuilder().add("type", "string").add("minLength", 1))).build();
        HeraldClient.Reply defined = herald.post("api/catalog/custom", Json.createObjectBuilder().add("eventType", type)
                .add("displayName", "Widget shipped").add("category", "Widgets").add("schema", schema).build());
        assertEquals(201, defined.status(), defined.body());

        HeraldClient.Reply invalid = herald.post("api/events", Json.createObjectBuilder().add("eventType", type)
                .add("payload", Json.createObjectBuilder().add("widgetId", "")).build());
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.body().contains("/payload/widgetId"), invalid.body());

        HeraldClient.Reply reply = herald.post("api/events", Json.createObjectBuilder().add("eventType", type)
                .add("payload", Json.createObjectBuilder().add("widgetId", "w-42")).build());
        assertEquals(202, reply.status(), reply.body());
        String eventId = reply.json().getString("eventId");
        JsonObject envelope = Events.envelope(awaitEntry("alga-psa:event-stream:global:CUSTOM_EVENT", eventId));
        assertEquals("CUSTOM_EVENT", envelope.getString("eventType"));
        assertEquals(type, envelope.getJsonObject("payload").getString("eventName"));
        assertEquals("w-42", envelope.getJsonObject("payload").getString("widgetId"));
        assertEquals(List.of(), ConsumerContract.envelopeViolations(envelope.toString()));
        Map<String, String> flow = Eventually.await("the custom event on " + WORKFLOW_STREAM, PIPELINE,
                () -> redis.entries(WORKFLOW_STREAM).stream().filter(e -> eventId.equals(e.get("event_id"))).findFirst().orElse(null));
        assertEquals(type, flow.get("event_name"), "workflows start on the custom type's name");
        assertEquals(List.of(), ConsumerContract.workflowEntryViolations(flow));

        HeraldClient.Reply otherTenant = HeraldClient.of(UUID.randomUUID().toString()).post("api/events",
                Json.createObjectBuilder().add("eventType", type).add("payload", Json.createObjectBuilder().add("widgetId", "w")).build());
        assertEquals(400, otherTenant.status(), "another tenant does not know the type: " + otherTenant.body());
    }

    /** The example with the caller's tenant wherever it names one ({@code tenantId}, the INVENTORY shape's {@code tenant}). */
    private JsonObject inOwnTenant(JsonObject example) {
        JsonObjectBuilder payload = Json.createObjectBuilder(example).add("tenantId", tenant);
        if (example.get("tenant") instanceof JsonString) {
            payload.add("tenant", tenant);
        }
        return payload.build();
    }
}
