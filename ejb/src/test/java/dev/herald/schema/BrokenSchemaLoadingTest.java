package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each fixture under test resources dev/herald/schema/broken/ is a registry with one thing wrong. */
class BrokenSchemaLoadingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unparseable          | payload/payload.Broken.v1.json | is not valid JSON
            not-an-object        | payload/payload.Broken.v1.json | a schema must be a JSON object, found ARRAY
            id-mismatch          | payload/payload.Broken.v1.json | $id is 'urn:herald:schema:payload.Other.v1' but the file name requires 'urn:herald:schema:payload.Broken.v1'
            refused-by-validator | payload/payload.Broken.v1.json | refused by the JSON Schema validator: /properties/tenantId/type
            invalid-example      | payload/payload.Broken.v1.json | example 1 does not validate: [/tenantId: "" is shorter than 1 characters [minLength]]
            dangling-ref         | payload/payload.Broken.v1.json | /properties/detail/$ref '#/definitions/missing' does not point into this document
            unsupported-format   | payload/payload.Broken.v1.json | /properties/email/format 'email' cannot be checked
            not-an-object-schema | payload/payload.Broken.v1.json | a payload schema must declare "type": "object"
            missing-file         | payload/payload.Missing.v1.json | not found on the class path
            catalog-unknown-ref  | catalog/system-catalog.json    | NOPE_HAPPENED refers to payload.Nope.v1, which is not listed in payload/index.txt
            """)
    void brokenFileStopsLoadingAndIsNamed(String fixture, String file, String reason) {
        SchemaLoadException e = assertThrows(SchemaLoadException.class, () -> TestRegistries.fixture("broken/" + fixture));
        assertEquals(TestRegistries.FIXTURES + "broken/" + fixture + "/" + file, e.resource());
        assertTrue(e.getMessage().startsWith(e.resource() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
