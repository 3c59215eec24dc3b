package dev.herald.schema;

import static dev.herald.schema.TestRegistries.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatibilityGuardTest {

    private static final JsonObject PUBLISHED = json("""
            {"type": "object", "required": ["tenantId"], "additionalProperties": false,
             "properties": {
               "tenantId": {"type": "string", "minLength": 1},
               "status": {"type": "string", "enum": ["OPEN", "CLOSED"]},
               "count": {"type": ["integer", "null"]},
               "ownerId": {"type": "string"},
               "tags": {"type": "array", "items": {"type": "string"}},
               "address": {"type": "object", "properties": {"city": {"type": "string"}}}}}
            """);

    @Test
    void sameSchemaHasNoBreakingChanges() {
        assertEquals(List.of(), CompatibilityGuard.breakingChanges(PUBLISHED, PUBLISHED));
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        JsonObject withNote = edit(PUBLISHED, "\"ownerId\":{\"type\":\"string\"}",
                "\"ownerId\":{\"type\":\"string\"},\"note\":{\"type\":\"string\",\"format\":\"date\"}");
        assertEquals(List.of(), CompatibilityGuard.breakingChanges(PUBLISHED, withNote));
    }

    @Test
    void wideningIsCompatible() {
        JsonObject wider = edit(PUBLISHED,
                "\"enum\":[\"OPEN\",\"CLOSED\"]", "\"enum\":[\"OPEN\",\"CLOSED\",\"MERGED\"]",
                "\"type\":[\"integer\",\"null\"]", "\"type\":[\"number\",\"null\"]",
                "\"minLength\":1", "\"minLength\":0",
                "\"required\":[\"tenantId\"]", "\"required\":[]");
        assertEquals(List.of(), CompatibilityGuard.breakingChanges(PUBLISHED, wider));
    }

    @Test
    void newRequiredFieldIsBreaking() {
        JsonObject candidate = edit(PUBLISHED, "\"required\":[\"tenantId\"]", "\"required\":[\"tenantId\",\"status\"]");
        assertEquals(List.of("/: new required field 'status'"), CompatibilityGuard.breakingChanges(PUBLISHED, candidate));
    }

    @Test
    void narrowedOrChangedTypeIsBreaking() {
        JsonObject notNull = edit(PUBLISHED, "\"type\":[\"integer\",\"null\"]", "\"type\":\"integer\"");
        assertEquals(List.of("/properties/count: type null no longer accepted (was [integer, null], now [integer])"),
                CompatibilityGuard.breakingChanges(PUBLISHED, notNull));
        JsonObject changed = edit(PUBLISHED, "\"ownerId\":{\"type\":\"string\"}", "\"ownerId\":{\"type\":\"integer\"}");
        assertEquals(List.of("/properties/ownerId: type string no longer accepted (was [string], now [integer])"),
                CompatibilityGuard.breakingChanges(PUBLISHED, changed));
    }

    @Test
    void removedEnumValueIsBreaking() {
        JsonObject candidate = edit(PUBLISHED, "\"enum\":[\"OPEN\",\"CLOSED\"]", "\"enum\":[\"OPEN\"]");
        assertEquals(List.of("/properties/status: enum value \"CLOSED\" removed"),
                CompatibilityGuard.breakingChanges(PUBLISHED, candidate));
    }

    @Test
    void removedPropertyIsBreakingWhileAdditionalPropertiesIsFalse() {
        JsonObject withoutOwner = edit(PUBLISHED, "\"ownerId\":{\"type\":\"string\"},", "");
        assertEquals(List.of("/properties/ownerId: removed while additionalProperties is false"),
                CompatibilityGuard.breakingChanges(PUBLISHED, withoutOwner));
        JsonObject open = edit(PUBLISHED, "\"additionalProperties\":false", "\"additionalProperties\":true");
        JsonObject openWithoutOwner = edit(open, "\"ownerId\":{\"type\":\"string\"},", "");
        assertEquals(List.of(), CompatibilityGuard.breakingChanges(open, openWithoutOwner));
    }

    @Test
    void additionalPropertiesTurnedFalseIsBreaking() {
        JsonObject open = edit(PUBLISHED, ",\"additionalProperties\":false", "");
        assertEquals(List.of("/additionalProperties: turned false (unlisted properties were accepted)"),
                CompatibilityGuard.breakingChanges(open, PUBLISHED));
    }

    @Test
    void addedFormatIsBreaking() {
        JsonObject candidate = edit(PUBLISHED, "\"ownerId\":{\"type\":\"string\"}",
                "\"ownerId\":{\"type\":\"string\",\"format\":\"uuid\"}");
        assertEquals(List.of("/properties/ownerId: format 'uuid' added"),
                CompatibilityGuard.breakingChanges(PUBLISHED, candidate));
    }

    @Test
    void changesInsideItemsAndNestedPropertiesAreFound() {
        JsonObject candidate = edit(PUBLISHED,
                "\"items\":{\"type\":\"string\"}", "\"items\":{\"type\":\"string\",\"format\":\"uuid\"}",
                "\"properties\":{\"city\":{\"type\":\"string\"}}",
                "\"required\":[\"city\"],\"properties\":{\"city\":{\"type\":\"string\"}}");
        assertEquals(List.of("/properties/tags/items: format 'uuid' added", "/properties/address: new required field 'city'"),
                CompatibilityGuard.breakingChanges(PUBLISHED, candidate));
    }

    @Test
    void definitionsAndAnyOfBranchesAreComparedByPosition() {
        JsonObject published = json("""
                {"type": "object",
                 "definitions": {
                   "current": {"type": "object", "required": ["tenantId"], "properties": {"tenantId": {"type": "string"}}},
                   "legacy": {"type": "object", "required": ["tenant"], "properties": {"tenant": {"type": "string"}}}},
                 "anyOf": [{"$ref": "#/definitions/current"}, {"$ref": "#/definitions/legacy"}]}
                """);
        JsonObject candidate = edit(published,
                "\"required\":[\"tenantId\"]", "\"required\":[\"tenantId\",\"occurredAt\"]",
                ",{\"$ref\":\"#/definitions/legacy\"}", "");
        assertEquals(List.of("/anyOf: 1 branch(es) removed", "/definitions/current: new required field 'occurredAt'"),
                CompatibilityGuard.breakingChanges(published, candidate));
        JsonObject swapped = edit(published,
                "[{\"$ref\":\"#/definitions/current\"},{\"$ref\":\"#/definitions/legacy\"}]",
                "[{\"$ref\":\"#/definitions/legacy\"},{\"$ref\":\"#/definitions/current\"}]");
        assertEquals(2, CompatibilityGuard.breakingChanges(published, swapped).size(), "branches compare by position");
    }

    @Test
    void newTypedPropertyIsBreakingWhenUnlistedPropertiesWereFree() {
        JsonObject open = json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
        JsonObject candidate = json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"integer\"}}}");
        assertEquals(List.of("/properties/b: type restricted to [integer] (any type was accepted)"),
                CompatibilityGuard.breakingChanges(open, candidate));
    }

    @Test
    void unmodelledAssertionIsReportedConservatively() {
        JsonObject published = json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
        JsonObject candidate = json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"^x\"}}}");
        assertEquals(List.of("/properties/a/pattern: added or changed; the guard cannot tell whether that is compatible"),
                CompatibilityGuard.breakingChanges(published, candidate));
    }

    /** Textual edits of a schema; each edit must apply, or a "no change" result would prove nothing. */
    @Test
    void aNewVersionMayBreakThePreviousOne() {
        JsonObject second = edit(PUBLISHED, "\"ownerId\"", "\"openedBy\"",
                "\"required\":[\"tenantId\"]", "\"required\":[\"tenantId\",\"status\"]");
        assertEquals(List.of(), CompatibilityGuard.versionProblems(
                Map.of("payload.Thing.v1", PUBLISHED, "payload.Thing.v2", second),
                List.of(shipped("payload.Thing.v1", PUBLISHED), shipped("payload.Thing.v2", second))));
    }

    @Test
    void anEditOfAPublishedVersionMayNotBreakIt() {
        JsonObject edited = edit(PUBLISHED, "\"required\":[\"tenantId\"]", "\"required\":[\"tenantId\",\"status\"]");
        List<String> problems = CompatibilityGuard.versionProblems(Map.of("payload.Thing.v1", PUBLISHED),
                List.of(shipped("payload.Thing.v1", edited)));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("payload.Thing.v1: an edit of a published version")
                && problems.get(0).contains("new required field 'status'"), problems.get(0));
    }

    @Test
    void aShippedVersionMustBeFrozenAndFollowItsPredecessor() {
        assertEquals(List.of("payload.Thing.v3: shipped but not frozen as published",
                        "payload.Thing.v3: version 3 without payload.Thing.v2 (versions follow each other, so upcasters can chain)"),
                CompatibilityGuard.versionProblems(Map.of("payload.Thing.v1", PUBLISHED),
                        List.of(shipped("payload.Thing.v1", PUBLISHED), shipped("payload.Thing.v3", PUBLISHED))));
        assertEquals(List.of("payload.Thing.v1: published, but no longer shipped"),
                CompatibilityGuard.versionProblems(Map.of("payload.Thing.v1", PUBLISHED), List.of()));
    }

    private static PayloadSchema shipped(String ref, JsonObject document) {
        SchemaRef parsed = SchemaRef.parse(ref);
        return new PayloadSchema(ref, parsed.name(), parsed.version(), document, List.of());
    }

    private static JsonObject edit(JsonObject schema, String... fromTo) {
        String text = schema.toString();
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.contains(fromTo[i]), "edit does not apply: " + fromTo[i] + " in " + text);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return json(text);
    }
}
