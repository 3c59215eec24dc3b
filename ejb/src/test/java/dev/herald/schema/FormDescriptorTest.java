package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormDescriptorTest {

    @Test
    void currentOrLegacySchemaIsDescribedByItsCurrentShape() {
        FormDescriptor form = FormDescriptor.of(TestRegistries.shipped().schema("payload.TicketCreated.v1").orElseThrow());
        assertEquals(List.of("tenantId", "occurredAt", "ticketId", "actorUserId", "actorContactId", "actorType",
                "createdByUserId", "createdAt", "updatedFields", "changes"), names(form.fields()));
        FormField ticketId = field(form.fields(), "ticketId");
        assertEquals("/ticketId", ticketId.pointer());
        assertEquals("string", ticketId.type());
        assertEquals("uuid", ticketId.format());
        assertTrue(ticketId.required());
        FormField actorType = field(form.fields(), "actorType");
        assertFalse(actorType.required());
        assertEquals(List.of(Json.createValue("USER"), Json.createValue("CONTACT"), Json.createValue("SYSTEM")),
                actorType.enumValues());
        FormField updatedFields = field(form.fields(), "updatedFields");
        assertEquals("array", updatedFields.type());
        assertEquals("/updatedFields/-", updatedFields.items().pointer());
        assertEquals("string", updatedFields.items().type());
    }

    @Test
    void nestedObjectsArraysRefsAndConstsBecomeATree() {
        FormDescriptor form = FormDescriptor.of(TestRegistries.fixture("versioned").schema("payload.TenantDefined.v1").orElseThrow());
        FormField customer = field(form.fields(), "customer");
        assertEquals("object", customer.type());
        assertTrue(customer.required());
        assertEquals(List.of("customerId", "since", "tier"), names(customer.children()));
        FormField tier = field(customer.children(), "tier");
        assertEquals("/customer/tier", tier.pointer());
        assertEquals("string", tier.type(), "type implied by the enum values");
        assertFalse(tier.required());
        FormField sku = field(field(form.fields(), "lines").items().children(), "sku");
        assertEquals("/lines/-/sku", sku.pointer());
        assertTrue(sku.required());
        FormField kind = field(form.fields(), "kind");
        assertEquals(List.of(Json.createValue("A"), Json.createValue("B")), kind.enumValues(), "$ref followed");
        assertEquals(List.of(Json.createValue("portal")), field(form.fields(), "source").enumValues());
        assertEquals("string", field(form.fields(), "note").type(), "null is not a type a form asks for");
        assertNull(field(form.fields(), "flag").format());
    }

    @Test
    void jsonCarriesOnlyTheAttributesThatAreSet() {
        JsonObject json = FormDescriptor.of(TestRegistries.shipped().schema("payload.TicketCreated.v1").orElseThrow()).toJson();
        assertEquals("payload.TicketCreated.v1", json.getString("ref"));
        assertEquals("Ticket Created", json.getString("title"));
        JsonObject ticketId = json.getJsonArray("fields").getJsonObject(2);
        assertEquals(Json.createObjectBuilder().add("name", "ticketId").add("pointer", "/ticketId").add("type", "string")
                .add("required", true).add("format", "uuid").build(), ticketId);
        JsonObject updatedFields = json.getJsonArray("fields").getJsonObject(8);
        assertEquals("string", updatedFields.getJsonObject("items").getString("type"));
    }

    @Test
    void everyShippedSchemaHasAFormWithTenantId() {
        for (PayloadSchema schema : TestRegistries.shipped().all()) {
            FormDescriptor form = FormDescriptor.of(schema);
            // INVENTORY_* payloads name their tenant `tenant`, as the consumers require; tenantId may come beside it.
            boolean consumersTenantKey = schema.name().startsWith("Inventory");
            assertEquals(!consumersTenantKey, field(form.fields(), "tenantId").required(), schema.ref());
            if (consumersTenantKey) {
                assertTrue(field(form.fields(), "tenant").required(), schema.ref());
            }
        }
    }

    private static List<String> names(List<FormField> fields) {
        return fields.stream().map(FormField::name).toList();
    }

    private static FormField field(List<FormField> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + names(fields)));
    }
}
