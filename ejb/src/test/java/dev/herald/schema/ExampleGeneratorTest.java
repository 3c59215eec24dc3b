package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExampleGeneratorTest {

    @Test
    void generatedExampleValidatesForEveryShippedSchema() {
        SchemaRegistry registry = TestRegistries.shipped();
        for (PayloadSchema schema : registry.all()) {
            JsonObject example = ExampleGenerator.generate(schema);
            assertEquals(List.of(), registry.validate(schema.ref(), example), schema.ref() + ": " + example);
        }
    }

    @Test
    void exampleFillsOptionalFieldsWithFormatAwareValues() {
        JsonObject example = ExampleGenerator.generate(TestRegistries.shipped().schema("payload.TicketCreated.v1").orElseThrow());
        assertEquals(List.of("tenantId", "occurredAt", "ticketId", "actorUserId", "actorContactId", "actorType",
                "createdByUserId", "createdAt", "updatedFields", "changes"), List.copyOf(example.keySet()));
        assertEquals("2026-01-15T09:30:00.000Z", example.getString("occurredAt"));
        UUID.fromString(example.getString("ticketId"));
        assertTrue(!example.getString("ticketId").equals(example.getString("actorUserId")), "one uuid per field");
        assertEquals("USER", example.getString("actorType"));
        assertEquals(Json.createArrayBuilder().add("name").build(), example.getJsonArray("updatedFields"));
        assertEquals(Json.createObjectBuilder().add("name", Json.createObjectBuilder().add("previous", "before")
                .add("new", "after")).build(), example.getJsonObject("changes"));
    }

    @Test
    void schemaWithoutExamplesGetsAValidOne() {
        SchemaRegistry registry = TestRegistries.fixture("versioned");
        PayloadSchema schema = registry.schema("payload.TenantDefined.v1").orElseThrow();
        assertTrue(schema.examples().isEmpty());
        JsonObject example = ExampleGenerator.generate(schema);
        assertEquals(List.of(), registry.validate(schema.ref(), example), example.toString());
        assertEquals("2026-01-15", example.getJsonObject("customer").getString("since"));
        assertEquals(2, example.getJsonArray("lines").size(), "minItems honoured");
        assertEquals(5, example.getJsonArray("lines").getJsonObject(0).getInt("quantity"), "minimum honoured");
        assertEquals("portal", example.getString("source"));
        assertEquals("A", example.getString("kind"));
    }

    @Test
    void sameSchemaGivesTheSameExample() {
        PayloadSchema schema = TestRegistries.shipped().schema("payload.InvoiceOverdue.v1").orElseThrow();
        assertEquals(ExampleGenerator.generate(schema), ExampleGenerator.generate(schema));
    }
}
