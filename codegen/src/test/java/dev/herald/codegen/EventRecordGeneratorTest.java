package dev.herald.codegen;

import static dev.herald.codegen.Schemas.json;
import static dev.herald.codegen.Schemas.recordSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventRecordGeneratorTest {

    @Test
    void snakeCasePropertyKeepsItsJsonNameThroughJsonbProperty() {
        String source = recordSource("InventoryThing", "{'user_id':{'type':'string','format':'uuid'},'tenant':{'type':'string'}}");
        assertTrue(source.contains("@JsonbProperty(\"user_id\") UUID userId"), source);
        assertFalse(source.contains("@JsonbProperty(\"tenant\")"), source);
    }

    @Test
    void keywordsAndTakenAccessorsGetAJavaNameOfTheirOwn() {
        String source = recordSource("Thing", "{'new':{'type':'string'},'builder':{'type':'string'}}");
        assertTrue(source.contains("@JsonbProperty(\"new\") String newValue"), source);
        assertTrue(source.contains("@JsonbProperty(\"builder\") String builderValue"), source);
    }

    @Test
    void scalarsMapToBoxedJavaTypesAndFormatsToValueTypes() {
        String source = recordSource("Thing", "{'id':{'type':'string','format':'uuid'},'at':{'type':'string','format':'date-time'},"
                + "'name':{'type':'string','enum':['A','B']},'count':{'type':'integer'},'amount':{'type':'number'},"
                + "'done':{'type':'boolean'},'maybe':{'type':['string','null']}}");
        assertTrue(source.contains("record Thing(UUID id, Instant at, String name, Long count, BigDecimal amount,"
                + " Boolean done, String maybe)"), source);
        assertTrue(source.contains("One of <code>A</code>, <code>B</code>."), source);
    }

    @Test
    void openMapsUnionsAndUntypedPropertiesStayJsonValues() {
        String source = recordSource("Thing", "{'changes':{'type':'object','additionalProperties':{'type':'object'}},"
                + "'bag':{'type':'object'},'either':{'anyOf':[{'type':'string'},{'type':'integer'}]},'anything':{}}");
        assertTrue(source.contains("JsonObject changes, JsonObject bag, JsonValue either, JsonValue anything"), source);
    }

    @Test
    void objectPropertyBecomesANestedRecordWithABuilder() {
        String source = recordSource("Thing", "{'comment':{'type':'object','required':['id'],'properties':{'id':{'type':'string'}}}}");
        assertTrue(source.contains("public static record Comment(String id)"), source);
        assertEquals(2, source.split("public static Builder builder\\(\\)", -1).length - 1, "a builder each");
        assertTrue(source.contains("@param id Required."), source);
        assertTrue(source.contains("An object in {@link Thing}."), source);
    }

    @Test
    void arrayItemRecordsAreNamedInTheSingular() {
        String item = "{'type':'object','properties':{'id':{'type':'string'}}}";
        String source = recordSource("Thing", "{'applications':{'type':'array','items':" + item + "},"
                + "'addresses':{'type':'array','items':" + item + "},'to':{'type':'array','items':" + item + "}}");
        assertTrue(source.contains("List<Thing.Application> applications, List<Thing.Address> addresses, List<Thing.ToItem> to"), source);
    }

    @Test
    void nestedRecordNamedLikeItsEnclosingRecordGetsThatNameInFront() {
        String source = recordSource("Thing", "{'thing':{'type':'object','properties':{'builder':{'type':'object','properties':{'x':{'type':'string'}}}}}}");
        assertTrue(source.contains("record ThingThing("), source);
        assertTrue(source.contains("record ThingThingBuilder("), source);
    }

    @Test
    void versionAboveOneIsPartOfTheClassName() {
        assertEquals("TicketCreatedV2", SchemaRef.parse("payload.TicketCreated.v2").className());
        assertEquals("TicketCreated", SchemaRef.parse("payload.TicketCreated.v1").className());
    }

    @Test
    void recordCarriesItsEventTypeAndVersion() {
        String source = recordSource("Thing", "{'a':{'type':'string'}}");
        assertTrue(source.contains("name = Thing.NAME"), source);
        assertTrue(source.contains("public static final String NAME = \"SOME_EVENT\";"), source);
        assertTrue(source.contains("public static final int VERSION = 1;"), source);
        assertTrue(source.contains("implements HeraldEvent"), source);
    }

    @Test
    void variantsMergeIntoOneRecordThatAcceptsEveryShape() {
        var schema = json("{'type':'object','definitions':{"
                + "'current':{'type':'object','required':['tenantId','ticketId'],'properties':{'tenantId':{'type':'string','format':'uuid'},'ticketId':{'type':'string'},'size':{'type':'integer'}}},"
                + "'legacy':{'type':'object','required':['tenantId','userId'],'properties':{'tenantId':{'type':'string','format':'uuid'},'ticketId':{'type':'string','format':'uuid'},'userId':{'type':'string'},'size':{'type':'number'}}}},"
                + "'anyOf':[{'$ref':'#/definitions/current'},{'$ref':'#/definitions/legacy'}]}");
        String source = Schemas.source(EventRecords.javaFile("X", SchemaRef.parse("payload.Thing.v1"), schema));
        // uuid in one shape and any string in the other: a String; integer or number: a number; required where both require it.
        assertTrue(source.contains("record Thing(UUID tenantId, String ticketId, BigDecimal size, String userId)"), source);
        assertTrue(source.contains("@param tenantId Required."), source);
        assertTrue(source.contains("@param ticketId Optional."), source);
    }

    @Test
    void javadocCannotBeBrokenBySchemaText() {
        String source = recordSource("Thing", "{'a':{'type':'string','pattern':'^a*/\\\\u0041{2}@x$'}}");
        assertFalse(source.contains("*/\\u"), source);
        assertTrue(source.contains("Pattern <code>^a*&#47;&#92;u0041&#123;2&#125;&#64;x$</code>."), source);
    }

    @Test
    void sameSchemasGiveByteIdenticalSources(@TempDir Path dir) throws IOException {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("payload.Thing.v1.json"),
                "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"},\"a\":{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"integer\"}}}}}");
        Path catalog = Files.writeString(dir.resolve("catalog.json"), "[{\"eventType\":\"THING\",\"payloadSchemaRef\":\"payload.Thing.v1\"}]");
        EventRecordGenerator.generate(schemas, catalog, dir.resolve("one"));
        EventRecordGenerator.generate(schemas, catalog, dir.resolve("two"));
        Path file = Path.of("dev/herald/events/types/Thing.java");
        assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(file)), Files.readAllBytes(dir.resolve("two").resolve(file)));
    }

    @Test
    void laterVersionBesideTheCatalogsSchemaGetsItsOwnRecordAndTheFirstKeepsItsName(@TempDir Path dir) throws IOException {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("payload.Thing.v1.json"), "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
        Files.writeString(schemas.resolve("payload.Thing.v2.json"), "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"}}}");
        Path catalog = Files.writeString(dir.resolve("catalog.json"), "[{\"eventType\":\"THING\",\"payloadSchemaRef\":\"payload.Thing.v1\"}]");
        assertEquals(2, EventRecordGenerator.generate(schemas, catalog, dir.resolve("out")));
        Path types = dir.resolve("out/dev/herald/events/types");
        assertTrue(Files.readString(types.resolve("Thing.java")).contains("VERSION = 1;"));
        String second = Files.readString(types.resolve("ThingV2.java"));
        assertTrue(second.contains("public record ThingV2(String b)") && second.contains("NAME = \"THING\";")
                && second.contains("VERSION = 2;"), second);
    }
}
