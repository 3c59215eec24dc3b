package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RequestProblemsTest {

    @Test
    void runtimeParameterFailureNamesTheParameterAndValue() {
        JsonObject json = RequestProblems.invalidParameter(
                "RESTEASY003870: Unable to extract parameter from http request: jakarta.ws.rs.QueryParam(\"page\") value is 'abc'").toJson();
        assertEquals(400, json.getInt("status"));
        assertEquals("urn:herald:problem:invalid-parameter", json.getString("type"));
        assertEquals("page", json.getString("parameter"));
        assertEquals("query parameter page has an invalid value 'abc'", json.getString("detail"));
    }

    @Test
    void unknownRuntimeMessageGivesAGenericDetail() {
        assertEquals("a parameter of the request has an invalid value",
                RequestProblems.invalidParameter("something else").detail());
    }

    @Test
    void strictConversionFailureSaysWhatWasExpected() {
        assertEquals("query parameter size must be an integer, got 'x'",
                RequestProblems.invalidParameter("query", "size", "x", "an integer").detail());
        assertTrue(RequestProblems.invalidParameter("query", "q", "y".repeat(500), "an integer").detail().length() < 200,
                "a long value is not echoed whole");
    }

    @Test
    void notJsonAtAllGivesTheLocation() {
        JsonParsingException parsing = null;
        try {
            Json.createReader(new StringReader("{\"a\": }")).readObject();
        } catch (JsonParsingException e) {
            parsing = e;
        }
        Problem problem = RequestProblems.malformedBody(new RuntimeException(parsing));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("the body is not valid JSON (line 1, column"), problem.detail());
    }

    @Test
    void wrongShapeNamesTheMemberButNoClass() {
        Problem problem = RequestProblems.malformedBody(new JsonbException(
                "Unable to deserialize property 'payload' because of: dev.herald.api.publish.PublishRequest cannot be created"));
        assertEquals("the body is JSON, but its member payload does not have the type this endpoint reads", problem.detail());
        Problem unknown = RequestProblems.malformedBody(new JsonbException("Cannot create instance of dev.herald.X"));
        assertFalse(unknown.detail().contains("dev.herald"), unknown.detail());
    }

    @Test
    void tooLargeSaysTheLimit() {
        JsonObject json = RequestProblems.bodyTooLarge(1024).toJson();
        assertEquals(413, json.getInt("status"));
        assertEquals(1024, json.getInt("maxBytes"));
    }
}
