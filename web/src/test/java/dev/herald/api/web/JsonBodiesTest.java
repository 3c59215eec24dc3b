package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void completeJsonIsHandedOnUnchanged() throws IOException {
        byte[] body = "{\"workflowName\":\"ticket-lifecycle\",\"extra\":{\"a\":[1,2]}}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, JsonBodies.readChecked(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    /** The body that made Parsson's skipObject spin for ever under JSON-B: it ends inside an unknown member. */
    @Test
    void bodyEndingInsideAMemberIsRefusedBeforeBinding() {
        byte[] body = "{\"unknown\":{\"a\":".getBytes(StandardCharsets.UTF_8);
        assertThrows(JsonParsingException.class, () -> JsonBodies.readChecked(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Test
    void trailingGarbageIsRefused() {
        byte[] body = "{} x".getBytes(StandardCharsets.UTF_8);
        assertThrows(JsonParsingException.class, () -> JsonBodies.readChecked(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Test
    void emptyBodyIsLeftToTheResource() throws IOException {
        assertEquals(0, JsonBodies.readChecked(new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8).length);
    }

    @Test
    void nestingBeyondTheParsersDepthIsAJsonException() {
        byte[] body = "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
        jakarta.json.JsonException refused = assertThrows(jakarta.json.JsonException.class,
                () -> JsonBodies.readChecked(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        assertEquals("the body nests JSON deeper than the parser accepts", RequestProblems.malformedBody(refused).detail());
    }

    @Test
    void aNulCharacterInAStringOrKeyIsRefused() {
        for (String json : new String[] {"{\"title\":\"a\\u0000b\"}", "{\"a\\u0000\":1}", "[\"\\u0000\"]"}) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            assertThrows(jakarta.json.JsonException.class,
                    () -> JsonBodies.readChecked(new ByteArrayInputStream(body), StandardCharsets.UTF_8), json);
        }
    }
}
