package dev.herald.schema;

import static dev.herald.schema.TestRegistries.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
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
    private static JsonObject edit(JsonObject schema, String... fromTo) {
        String text = schema.toString();
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.contains(fromTo[i]), "edit does not apply: " + fromTo[i] + " in " + text);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return json(text);
    }
}
