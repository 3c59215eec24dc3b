package dev.herald.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.catalog.CatalogDefinition;
import dev.herald.catalog.SystemCatalogData;
import dev.herald.contract.AsyncApiSpec;
import dev.herald.kernel.WireJson;
import dev.herald.redis.RedisKeys;
import dev.herald.schema.PayloadSchema;
import dev.herald.schema.SchemaRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.loadFromClasspath();
    private static final String TENANT = "2f281f27-f782-3d33-8ba0-c22cb03f530d";

    private static AsyncApiDocument builder(RedisKeys keys) {
        return new AsyncApiDocument("Herald domain events", "0.1.0", keys, REGISTRY.envelopeSchema(),
                ref -> REGISTRY.schema(ref).map(PayloadSchema::document).orElse(null));
    }

    private static List<AsyncApiType> systemTypes() {
        List<AsyncApiType> types = new ArrayList<>();
        for (CatalogDefinition d : SystemCatalogData.load()) {
            types.add(AsyncApiType.system(d.eventType(), d.displayName(), d.category(), d.description(), d.payloadSchemaRef()));
        }
        return types;
    }

    private static List<AsyncApiType> withCustomTypes() {
        List<AsyncApiType> types = new ArrayList<>(systemTypes());
        types.add(AsyncApiType.custom("WIDGET_SHIPPED", "Widget shipped", "Widgets", "A widget left the warehouse", null,
                WireJson.parseObject("{\"type\":\"object\",\"required\":[\"tenantId\",\"widgetId\"],\"additionalProperties\":false,"
                        + "\"properties\":{\"tenantId\":{\"type\":\"string\"},\"widgetId\":{\"$ref\":\"#/$defs/id\"},"
                        + "\"parts\":{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}]}},"
                        + "\"$defs\":{\"id\":{\"type\":\"string\",\"minLength\":1}}}")));
        types.add(AsyncApiType.custom("ORDER_APPROVED", "Order approved", "Orders", null, "payload.CustomEvent.v1", null));
        types.add(AsyncApiType.custom("TICKET_CREATED", "Shadow", "Tickets", null, null,
                WireJson.parseObject("{\"type\":\"object\"}")));
        return types;
    }

    private static JsonObject defaults(List<AsyncApiType> types) {
        return builder(RedisKeys.defaults()).build(TENANT, types);
    }

    @Test
    void theDocumentOfATenantWithoutCustomTypesIsValidAsyncApi300() {
        JsonObject document = defaults(systemTypes());
        assertEquals(List.of(), AsyncApiSpec.violations(WireJson.write(document)));
        assertEquals("3.0.0", document.getString("asyncapi"));
        assertEquals("application/json", document.getString("defaultContentType"));
        assertEquals(281, document.getJsonObject("components").getJsonObject("messages").size(), "280 types, the workflow entry");
    }

    @Test
    void aLaterVersionOnTheWireHasItsOwnMessageAndVersionSuffixedChannels() {
        List<AsyncApiType> types = new ArrayList<>();
        for (AsyncApiType type : systemTypes()) {
            types.add(type.eventType().equals("TICKET_CREATED") ? AsyncApiType.system(type.eventType(), type.displayName(),
                    type.category(), type.description(), type.payloadSchemaRef(), List.of(2)) : type);
        }
        JsonObject document = defaults(types);
        assertEquals(List.of(), AsyncApiSpec.violations(WireJson.write(document)));
        JsonObject message = document.getJsonObject("components").getJsonObject("messages").getJsonObject("TICKET_CREATED.v2");
        assertEquals("TICKET_CREATED", message.getString("name"));
        JsonObject fixed = message.getJsonObject("payload").getJsonArray("allOf").getJsonObject(1).getJsonObject("properties");
        assertEquals(2, fixed.getJsonObject("version").getInt("const"));
        assertEquals("#/components/schemas/payload.TicketCreated.v2", fixed.getJsonObject("payload").getString("$ref"));
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("payload.TicketCreated.v2"));
        JsonObject channels = document.getJsonObject("channels");
        assertEquals("alga-psa:event-stream:{channel}:TICKET_CREATED:v2",
                channels.getJsonObject("stream.TICKET_CREATED.v2").getString("address"));
        assertEquals("event::TICKET_CREATED:v2", channels.getJsonObject("pubsub.TICKET_CREATED.v2").getString("address"));
        assertEquals("alga-psa:event-stream:{channel}:TICKET_CREATED",
                channels.getJsonObject("stream.TICKET_CREATED").getString("address"), "v1 stays where it was");
    }

    @Test
    void theDocumentOfATenantWithCustomTypesIsValidAsyncApi300() {
        JsonObject document = defaults(withCustomTypes());
        assertEquals(List.of(), AsyncApiSpec.violations(WireJson.write(document)));
        JsonObject messages = document.getJsonObject("components").getJsonObject("messages");
        assertEquals(283, messages.size(), "280 types, two custom types, the workflow entry; the shadowing one left out");
        assertEquals("TICKET_CREATED", messages.getJsonObject("TICKET_CREATED").getString("name"));
        assertEquals("Ticket Created", messages.getJsonObject("TICKET_CREATED").getString("title"));
    }

    @Test
    void breakingTheDocumentIsCaughtByTheSpecSchema() {
        JsonObject document = defaults(systemTypes());
        JsonObject wrongVersion = Json.createObjectBuilder(document).add("asyncapi", "2.6.0").build();
        assertFalse(AsyncApiSpec.violations(WireJson.write(wrongVersion)).isEmpty());

        JsonObject operations = document.getJsonObject("operations");
        JsonObject withoutAction = Json.createObjectBuilder(operations.getJsonObject("stream.TICKET_CREATED.send")).remove("action").build();
        JsonObject broken = Json.createObjectBuilder(document).add("operations",
                Json.createObjectBuilder(operations).add("stream.TICKET_CREATED.send", withoutAction)).build();
        List<String> violations = AsyncApiSpec.violations(WireJson.write(broken));
        assertTrue(violations.stream().anyMatch(v -> v.contains("action")), violations.toString());
    }

    @Test
    void everyTypeHasAStreamAndAPubSubChannelThatHeraldSendsTo() {
        JsonObject document = defaults(systemTypes());
        JsonObject channels = document.getJsonObject("channels");
        JsonObject operations = document.getJsonObject("operations");
        for (CatalogDefinition d : SystemCatalogData.load()) {
            JsonObject stream = channels.getJsonObject("stream." + d.eventType());
            assertEquals("alga-psa:event-stream:{channel}:" + d.eventType(), stream.getString("address"));
            assertTrue(stream.getJsonObject("parameters").containsKey("channel"));
            assertTrue(stream.getJsonObject("messages").containsKey(d.eventType()));
            JsonObject pubsub = channels.getJsonObject("pubsub." + d.eventType());
            assertEquals("event::" + d.eventType(), pubsub.getString("address"));
            assertFalse(pubsub.containsKey("parameters"));
            for (String channel : List.of("stream.", "pubsub.")) {
                JsonObject operation = operations.getJsonObject(channel + d.eventType() + ".send");
                assertEquals("send", operation.getString("action"));
                assertEquals("#/channels/" + channel + d.eventType(), operation.getJsonObject("channel").getString("$ref"));
            }
        }
        assertEquals("workflow:events:global", channels.getJsonObject("workflowStream").getString("address"));
        assertEquals(2 * 280 + 1, channels.size());
    }

    @Test
    void configuredKeyNamesAreTheAddresses() {
        JsonObject channels = builder(new RedisKeys("acme-psa:", "evt", "wf:stream", "herald:relayed:", Duration.ofDays(7)))
                .build(TENANT, systemTypes()).getJsonObject("channels");
        assertEquals("acme-psa:event-stream:{channel}:TICKET_CREATED", channels.getJsonObject("stream.TICKET_CREATED").getString("address"));
        assertEquals("evt:TICKET_CREATED", channels.getJsonObject("pubsub.TICKET_CREATED").getString("address"));
        assertEquals("wf:stream", channels.getJsonObject("workflowStream").getString("address"));
    }

    @Test
    void aMessageIsTheEnvelopeWhosePayloadIsTheTypesSchema() {
        JsonObject document = defaults(systemTypes());
        JsonObject payload = document.getJsonObject("components").getJsonObject("messages").getJsonObject("TICKET_CREATED")
                .getJsonObject("payload");
        assertEquals("#/components/schemas/envelope.v1", payload.getJsonArray("allOf").getJsonObject(0).getString("$ref"));
        JsonObject properties = payload.getJsonArray("allOf").getJsonObject(1).getJsonObject("properties");
        assertEquals("TICKET_CREATED", properties.getJsonObject("eventType").getString("const"));
        assertEquals("#/components/schemas/payload.TicketCreated.v1", properties.getJsonObject("payload").getString("$ref"));

        JsonObject schema = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("payload.TicketCreated.v1");
        assertNull(schema.get("$schema"), "draft-07 Schema Object, no 2020-12 $schema");
        assertNull(schema.get("$id"));
        assertEquals("#/components/schemas/payload.TicketCreated.v1/definitions/current",
                schema.getJsonArray("anyOf").getJsonObject(0).getString("$ref"), "local references point into the document");
    }

    /** The shipped schemas declare 2020-12; they are given as draft-07 Schema Objects because they mean the same there. */
    @Test
    void everyShippedSchemaMeansTheSameAsDraft07() {
        Map<String, List<String>> incompatible = new TreeMap<>();
        for (PayloadSchema schema : REGISTRY.all()) {
            List<String> found = Draft07Schemas.incompatibilities(schema.document());
            if (!found.isEmpty()) {
                incompatible.put(schema.ref(), found);
            }
        }
        List<String> envelope = Draft07Schemas.incompatibilities(REGISTRY.envelopeSchema());
        assertEquals(Map.of(), incompatible);
        assertEquals(List.of(), envelope);
    }

    @Test
    void schemasThatDraft07ReadsOtherwiseAreNoticed() {
        assertFalse(Draft07Schemas.incompatibilities(WireJson.parseObject("{\"$defs\":{}}")).isEmpty());
        assertFalse(Draft07Schemas.incompatibilities(WireJson.parseObject("{\"items\":[{\"type\":\"string\"}]}")).isEmpty());
        assertFalse(Draft07Schemas.incompatibilities(WireJson.parseObject(
                "{\"properties\":{\"a\":{\"$ref\":\"#/definitions/x\",\"minLength\":2}}}")).isEmpty());
        assertFalse(Draft07Schemas.incompatibilities(WireJson.parseObject(
                "{\"anyOf\":[{\"unevaluatedProperties\":false}]}")).isEmpty());
        assertTrue(Draft07Schemas.incompatibilities(WireJson.parseObject(
                "{\"properties\":{\"$defs\":{\"type\":\"string\"}},\"required\":[\"$defs\"]}")).isEmpty(), "a property's name is no keyword");
    }

    @Test
    void aCustomTypeTravelsAsCustomEventNamedByEventName() {
        JsonObject document = defaults(withCustomTypes());
        JsonObject messages = document.getJsonObject("components").getJsonObject("messages");
        JsonObject widget = messages.getJsonObject("custom.WIDGET_SHIPPED");
        assertEquals("WIDGET_SHIPPED", widget.getString("name"));
        assertEquals("Widget shipped", widget.getString("title"));
        assertEquals("A widget left the warehouse", widget.getString("summary"));
        JsonObject multiFormat = widget.getJsonObject("payload");
        assertEquals("application/schema+json;version=draft-2020-12", multiFormat.getString("schemaFormat"),
                "a tenant's schema is 2020-12 with any keyword, given as such");
        JsonObject envelope = multiFormat.getJsonObject("schema");
        assertEquals("CUSTOM_EVENT", envelope.getJsonObject("properties").getJsonObject("eventType").getString("const"));
        JsonObject payload = envelope.getJsonObject("properties").getJsonObject("payload");
        assertEquals("WIDGET_SHIPPED", payload.getJsonObject("properties").getJsonObject("eventName").getString("const"));
        assertTrue(payload.getJsonArray("required").contains(Json.createValue("eventName")));
        assertTrue(payload.getJsonArray("required").contains(Json.createValue("widgetId")));
        assertEquals("#/components/messages/custom.WIDGET_SHIPPED/payload/schema/properties/payload/$defs/id",
                payload.getJsonObject("properties").getJsonObject("widgetId").getString("$ref"));

        JsonObject customStream = document.getJsonObject("channels").getJsonObject("stream.CUSTOM_EVENT").getJsonObject("messages");
        assertEquals(List.of("CUSTOM_EVENT", "custom.ORDER_APPROVED", "custom.WIDGET_SHIPPED"), List.copyOf(customStream.keySet()));
        assertTrue(document.getJsonObject("operations").getJsonObject("pubsub.CUSTOM_EVENT.send").getJsonArray("messages")
                .contains(Json.createObjectBuilder().add("$ref", "#/channels/pubsub.CUSTOM_EVENT/messages/custom.WIDGET_SHIPPED").build()));
        assertFalse(messages.containsKey("custom.TICKET_CREATED"), "a custom type named like a system type is published as that type");
        assertFalse(document.getJsonObject("channels").containsKey("stream.WIDGET_SHIPPED"), "no stream of its own");
    }

    @Test
    void aDocumentWithoutCustomTypesNamesNone() {
        JsonObject document = defaults(systemTypes());
        assertTrue(document.getJsonObject("components").getJsonObject("messages").keySet().stream().noneMatch(k -> k.startsWith("custom.")));
        assertEquals(JsonValue.ValueType.OBJECT, document.getJsonObject("channels").getJsonObject("stream.CUSTOM_EVENT")
                .getJsonObject("messages").getValueType());
    }
}
