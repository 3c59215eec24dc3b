package dev.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class WireFormsTest {

    @Test
    void anOffsetDateTimeIsWrittenInUtcWithZAndMilliseconds() {
        JsonObject payload = Json.createObjectBuilder().add("occurredAt", "2026-11-23T08:41:51+01:00").build();
        assertEquals("2026-11-23T07:41:51.000Z", WireForms.normalised(payload).getString("occurredAt"));
    }

    @Test
    void nestedDateTimesLowercaseZAndMissingSecondsAreNormalisedToo() {
        JsonObject payload = Json.createObjectBuilder()
                .add("changes", Json.createObjectBuilder().add("dueDate", Json.createObjectBuilder()
                        .add("new", "2026-01-02T03:04-05:00")))
                .add("times", Json.createArrayBuilder().add("2026-01-02t03:04:05.123456z")).build();
        JsonObject normalised = WireForms.normalised(payload);
        assertEquals("2026-01-02T08:04:00.000Z",
                normalised.getJsonObject("changes").getJsonObject("dueDate").getString("new"));
        assertEquals("2026-01-02T03:04:05.123Z", normalised.getJsonArray("times").getString(0));
    }

    @Test
    void aPayloadAlreadyInTheConsumersFormIsLeftAsGiven() {
        JsonObject payload = Json.createObjectBuilder().add("occurredAt", "2026-11-23T07:41:51Z")
                .add("note", "called at 2026-11-23T08:41:51+01:00 about it").add("notADate", "2026-02-30T00:00:00+01:00").build();
        assertSame(payload, WireForms.normalised(payload));
    }
}
