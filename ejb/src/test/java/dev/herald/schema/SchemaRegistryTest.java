package dev.herald.schema;

import static dev.herald.schema.TestRegistries.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.events.EventIssue;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

    private static final String TICKET_CREATED = "payload.TicketCreated.v1";
    private static final String TICKET_ID = "3f1c2a9e-0000-4000-8000-000000000440";

    private final SchemaRegistry registry = TestRegistries.shipped();

    @Test
    void loadsEverySchemaListedInTheIndexAndTheEnvelope() throws IOException {
        List<String> listed = indexedRefs();
        assertEquals(280 + 1, listed.size(), "the 280 catalog types' first versions and TicketCreated v2");
        assertEquals(listed, registry.all().stream().map(PayloadSchema::ref).toList());
        assertEquals("urn:herald:schema:envelope.v1", registry.envelopeSchema().getString("$id"));
    }

    @Test
    void everySchemaCarriesExamplesThatValidate() {
        for (PayloadSchema schema : registry.all()) {
            assertFalse(schema.examples().isEmpty(), schema.ref() + " has no example");
            for (JsonObject example : schema.examples()) {
                assertEquals(List.of(), registry.validate(schema.ref(), example), schema.ref());
            }
        }
        for (JsonValue example : registry.envelopeSchema().getJsonArray("examples")) {
            assertEquals(List.of(), registry.validateEnvelope(example));
        }
    }

    @Test
    void schemaRefIsSplitIntoNameAndVersion() {
        PayloadSchema schema = registry.schema(TICKET_CREATED).orElseThrow();
        assertEquals("TicketCreated", schema.name());
        assertEquals(1, schema.version());
        assertEquals("Ticket Created", schema.title());
        PayloadSchema second = registry.schema("payload.TicketCreated.v2").orElseThrow();
        assertEquals("TicketCreated", second.name());
        assertEquals(2, second.version());
        assertTrue(registry.schema("payload.TicketCreated.v3").isEmpty());
    }

    @Test
    void validPayloadHasNoIssues() {
        assertEquals(List.of(), registry.validate(TICKET_CREATED, ticket("")));
    }

    @Test
    void missingRequiredFieldIsReportedWithItsPointer() {
        JsonObject payload = json("{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\"}");
        assertEquals(List.of(new SchemaIssue("/ticketId", "required", "is required")),
                registry.validate(TICKET_CREATED, payload));
    }

    @Test
    void everyProblemOfAPayloadIsReportedWithItsPointer() {
        JsonObject payload = json("{\"tenantId\":\"\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\",\"ticketId\":\"nope\"}");
        List<SchemaIssue> issues = registry.validate(TICKET_CREATED, payload);
        assertEquals(List.of("/tenantId", "/ticketId"), issues.stream().map(SchemaIssue::pointer).toList(), issues.toString());
        assertEquals(List.of("format", "format"), issues.stream().map(SchemaIssue::keyword).toList(), "an empty tenantId is no uuid");
    }

    @Test
    void failedCurrentOrLegacyChoiceIsExplainedByTheCurrentShape() {
        JsonObject payload = json("{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"ticketId\":\"" + TICKET_ID + "\",\"actorType\":\"ROBOT\"}");
        List<SchemaIssue> issues = registry.validate(TICKET_CREATED, payload);
        assertEquals(List.of(
                new SchemaIssue("/occurredAt", "required", "is required"),
                new SchemaIssue("/actorType", "enum", "must be one of [\"USER\",\"CONTACT\",\"SYSTEM\"]")), issues);
    }

    @Test
    void payloadInTheLegacyShapeStillValidates() {
        JsonObject legacy = json("{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"ticketId\":\"" + TICKET_ID + "\",\"userId\":\"" + TICKET_ID
                + "\",\"anythingElse\":true}");
        assertEquals(List.of(), registry.validate(TICKET_CREATED, legacy));
    }

    @Test
    void unknownPropertyIsReportedWhereItIs() {
        List<SchemaIssue> issues = registry.validate("payload.AssetCreated.v1", json(
                "{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\",\"assetId\":\"" + TICKET_ID
                        + "\",\"colour\":\"red\"}"));
        assertEquals(List.of(new SchemaIssue("/colour", "additionalProperties", "is not a property this schema allows")),
                issues);
    }

    @Test
    void dateTimeWithoutOffsetIsRefused() {
        List<SchemaIssue> issues = registry.validate(TICKET_CREATED, ticket(",\"createdAt\":\"2026-11-23T07:41:51.792\""));
        assertTrue(issues.isEmpty(), "createdAt has no format in the schema: " + issues);
        issues = registry.validate(TICKET_CREATED, json("{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"occurredAt\":\"2026-11-23T07:41:51.792\","
                + "\"ticketId\":\"" + TICKET_ID + "\"}"));
        assertEquals(List.of("/occurredAt"), issues.stream().map(SchemaIssue::pointer).toList());
        assertEquals("format", issues.get(0).keyword());
    }

    @Test
    void nonObjectPayloadIsOneIssueAtTheRoot() {
        assertEquals(List.of(new SchemaIssue("", "type", "Value is [array] but should be [object]")),
                registry.validate(TICKET_CREATED, JsonValue.EMPTY_JSON_ARRAY));
    }

    @Test
    void unknownRefIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.validate("payload.TicketCreated.v7", ticket("")));
        assertEquals("No payload schema is registered as 'payload.TicketCreated.v7'; TicketCreated has versions [1, 2]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.validate("TICKET_CREATED", ticket("")));
        assertTrue(e.getMessage().contains("'TICKET_CREATED'"), e.getMessage());
    }

    @Test
    void anEventTypesOtherVersionsAreFoundThroughTheCatalogsFirstVersion() {
        assertEquals(Optional.of(TICKET_CREATED), registry.refForEventType("TICKET_CREATED", 1));
        assertEquals(Optional.of("payload.TicketCreated.v2"), registry.refForEventType("TICKET_CREATED", 2));
        assertEquals(Optional.empty(), registry.refForEventType("TICKET_CREATED", 3));
        assertEquals(Optional.empty(), registry.refForEventType("NO_SUCH_TYPE", 2));
    }

    @Test
    void latestIsTheHighestVersionAndVersionsAscend() {
        SchemaRegistry versioned = TestRegistries.fixture("versioned");
        assertEquals(List.of(1, 2, 10), versioned.versions("Sample"));
        assertEquals("payload.Sample.v10", versioned.latest("Sample").orElseThrow().ref());
        assertEquals(List.of(1, 2), registry.versions("TicketCreated"));
        assertEquals("payload.TicketCreated.v2", registry.latest("TicketCreated").orElseThrow().ref());
    }

    @Test
    void unknownNameHasNoVersions() {
        assertEquals(List.of(), registry.versions("NoSuchEvent"));
        assertEquals(Optional.empty(), registry.latest("NoSuchEvent"));
    }

    @Test
    void catalogGivesTheSchemaOfAnEventType() {
        assertEquals(Optional.of(TICKET_CREATED), registry.refForEventType("TICKET_CREATED"));
        assertEquals(Optional.of("payload.InventoryStockLow.v1"), registry.refForEventType("INVENTORY_STOCK_LOW"));
        assertEquals(Optional.empty(), registry.refForEventType("NO_SUCH_EVENT"));
        assertEquals(Optional.of("payload.Sample.v2"),
                TestRegistries.fixture("versioned").refForEventType("SAMPLE_HAPPENED"));
    }

    @Test
    void envelopeProblemsAreEachReported() {
        List<SchemaIssue> issues = registry.validateEnvelope(json(
                "{\"eventType\":\"TICKET_CREATED\",\"payload\":{},\"id\":\"not-a-uuid\",\"extra\":1}"));
        assertEquals(Set.of("/timestamp", "/payload/tenantId", "/id", "/extra"),
                issues.stream().map(SchemaIssue::pointer).collect(Collectors.toSet()), issues.toString());
        assertEquals(4, issues.size());
    }

    @Test
    void tenantSlugAndOffsetDateTimeAreRefusedAsTheConsumersWouldEachWithOneReadableIssue() {
        List<SchemaIssue> issues = registry.validate(TICKET_CREATED, json("{\"tenantId\":\"acme\","
                + "\"occurredAt\":\"2026-11-23T08:41:51.792+01:00\",\"ticketId\":\"" + TICKET_ID + "\"}"));
        assertEquals(List.of("/tenantId format", "/occurredAt pattern"),
                issues.stream().map(issue -> issue.pointer() + " " + issue.keyword()).toList(), issues.toString());
        assertTrue(issues.get(1).message().contains("ending in Z"), issues.get(1).message());
    }

    @Test
    void issueBecomesAnEventIssue() {
        assertEquals(new EventIssue("/ticketId", "is required"),
                new SchemaIssue("/ticketId", "required", "is required").toEventIssue());
    }

    @Test
    void validationGivesTheSameAnswersFromManyThreads() throws Exception {
        List<PayloadSchema> schemas = List.copyOf(registry.all());
        JsonObject invalid = json("{\"tenantId\":\"\",\"occurredAt\":\"soon\"}");
        List<List<SchemaIssue>> expected = schemas.stream().map(s -> registry.validate(s.ref(), invalid)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < schemas.size(); i++) {
                            PayloadSchema schema = schemas.get(i);
                            if (!registry.validate(schema.ref(), schema.examples().get(0)).isEmpty()
                                    || !registry.validate(schema.ref(), invalid).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonObject ticket(String extra) {
        return json("{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\",\"ticketId\":\"" + TICKET_ID + "\""
                + extra + "}");
    }

    private static List<String> indexedRefs() throws IOException {
        try (InputStream in = SchemaRegistryTest.class.getClassLoader()
                .getResourceAsStream(SchemaRegistry.DEFAULT_BASE_PATH + "payload/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).sorted().toList();
        }
    }
}
