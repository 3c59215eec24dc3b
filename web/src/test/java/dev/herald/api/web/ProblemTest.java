package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void blankProblemHasTheReasonPhraseAsTitle() {
        JsonObject json = Problem.of(404, "no ticket 7").toJson();
        assertEquals("about:blank", json.getString("type"));
        assertEquals("Not Found", json.getString("title"));
        assertEquals(404, json.getInt("status"));
        assertEquals("no ticket 7", json.getString("detail"));
        assertFalse(json.containsKey("instance"), "the filter adds the request path");
    }

    @Test
    void typedProblemCarriesItsExtensionsNextToTheStandardMembers() {
        JsonObject json = Problem.typed(400, "invalid-event", "Invalid event", "2 issues")
                .with("eventType", "TICKET_CREATED")
                .with("issues", Json.createArrayBuilder().add(Json.createObjectBuilder().add("pointer", "/payload/x")).build())
                .at("/api/events").toJson();
        assertEquals("urn:herald:problem:invalid-event", json.getString("type"));
        assertEquals("Invalid event", json.getString("title"));
        assertEquals("/api/events", json.getString("instance"));
        assertEquals("TICKET_CREATED", json.getString("eventType"));
        assertEquals("/payload/x", json.getJsonArray("issues").getJsonObject(0).getString("pointer"));
    }

    @Test
    void statusesWithoutAJaxRsConstantHaveTheirRfcTitles() {
        assertEquals("Unprocessable Content", Problem.of(422, null).title());
        assertEquals("Content Too Large", Problem.of(413, null).title());
        assertFalse(Problem.of(500, null).toJson().containsKey("detail"), "no detail member rather than null");
    }

    @Test
    void onlyErrorStatusesAreProblems() {
        assertThrows(IllegalArgumentException.class, () -> Problem.of(200, "fine"));
    }

    @Test
    void anExtensionCannotHideAStandardMember() {
        assertThrows(IllegalArgumentException.class, () -> Problem.of(400, "x").with("status", "200"));
    }

    @Test
    void aNullExtensionValueIsJsonNull() {
        assertEquals("null", Problem.of(400, "x").with("eventType", (String) null).toJson().get("eventType").toString());
    }
}
