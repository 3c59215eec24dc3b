package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictBodiesTest {

    record Inner(Boolean flag) {
    }

    record Sample(Boolean dryRun, boolean internal, Integer minutes, long amountCents, String name, JsonObject payload,
                  List<String> channels, List<Inner> inners) {
    }

    private static List<String> pointers(String json) {
        JsonValue body = Json.createReader(new StringReader(json)).readValue();
        return StrictBodies.issues(body, Sample.class).stream().map(BodyIssue::pointer).toList();
    }

    @Test
    void wellTypedMembersAndAbsentOnesPass() {
        assertEquals(List.of(), pointers("{\"dryRun\":false,\"internal\":true,\"minutes\":2147483647,\"amountCents\":-9223372036854775808,"
                + "\"name\":null,\"payload\":{\"x\":\"1\"},\"channels\":[\"global\"],\"inners\":[{\"flag\":true}],\"unknown\":\"yes\"}"));
        assertEquals(List.of(), pointers("{}"));
    }

    @Test
    void aBooleanMustBeAJsonBoolean() {
        for (String value : List.of("1", "0", "\"yes\"", "\"true\"", "\"True\"", "null", "[]")) {
            assertEquals(List.of("/dryRun", "/internal"), pointers("{\"dryRun\":" + value + ",\"internal\":" + value + "}"), value);
        }
    }

    @Test
    void anIntegerMustBeAJsonIntegerInItsTypesRange() {
        for (String value : List.of("-2147483649", "2147483648", "90.5", "90.0", "1e2", "1e400", "\"90\"", "null", "true")) {
            assertEquals(List.of("/minutes"), pointers("{\"minutes\":" + value + "}"), value);
        }
        for (String value : List.of("9223372036854775808", "-9223372036854775809", "\"5000\"")) {
            assertEquals(List.of("/amountCents"), pointers("{\"amountCents\":" + value + "}"), value);
        }
    }

    @Test
    void aStringMustBeAJsonString() {
        assertEquals(List.of("/name", "/channels/1"), pointers("{\"name\":42,\"channels\":[\"global\",7]}"));
    }

    @Test
    void nestedRecordsAreCheckedAtTheirPointer() {
        assertEquals(List.of("/inners/1/flag"), pointers("{\"inners\":[{\"flag\":false},{\"flag\":\"no\"}]}"));
    }

    @Test
    void aRecordMustBeAnObjectAndAListAnArray() {
        // Found by ApiFuzzIT: [{"name":"Roll-out"}] was bound as the record of its one element and the write accepted.
        assertEquals(List.of(""), pointers("[{\"dryRun\":false}]"));
        assertEquals(List.of(""), pointers("\"text\""));
        assertEquals(List.of("/channels", "/inners/0"), pointers("{\"inners\":[[{\"flag\":true}]],\"channels\":{\"a\":\"global\"}}"));
        assertEquals(List.of(), pointers("{\"inners\":null,\"channels\":null}"));
        BodyIssue shape = StrictBodies.issues(Json.createReader(new StringReader("[{}]")).readValue(), Sample.class).get(0);
        assertEquals(true, StrictBodies.ofShape(shape));
        Problem problem = RequestProblems.malformedShape(shape);
        assertEquals("urn:herald:problem:malformed-body", problem.type());
        assertEquals("the body is not JSON of the shape this endpoint reads: the body must be an object, was [{}]", problem.detail());
    }

    @Test
    void theProblemNamesEveryIssue() {
        Problem problem = RequestProblems.invalidBody(List.of(new BodyIssue("/dryRun", "must be true or false, was 1")));
        assertEquals("urn:herald:problem:invalid-body", problem.type());
        assertEquals("/dryRun", problem.toJson().getJsonArray("issues").getJsonObject(0).getString("pointer"));
        assertEquals(400, problem.status());
    }
}
