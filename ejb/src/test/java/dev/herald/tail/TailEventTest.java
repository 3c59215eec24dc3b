package dev.herald.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailEventTest {

    private static final String ID = "3f1c2a9e-0000-4000-8000-000000000001";

    @Test
    void framesTheRelayedEnvelopeAsOneLineWithTheTenantUpFront() {
        JsonObject payload = WireJson.parseObject("{\"tenantId\":\"acme\",\"ticketId\":\"t-1\",\"title\":\"two\\nlines\"}");
        String published = EnvelopeJson.toJson(new EventEnvelope(ID, "TICKET_CREATED", Instant.parse("2026-11-23T07:41:51.792Z"), payload));

        TailEvent event = TailEvent.fromEnvelope(published);

        assertEquals(ID, event.id());
        assertEquals("TICKET_CREATED", event.eventType());
        assertEquals("acme", event.tenantId());
        assertEquals("{\"id\":\"" + ID + "\",\"eventType\":\"TICKET_CREATED\",\"timestamp\":\"2026-11-23T07:41:51.792Z\","
                + "\"tenantId\":\"acme\",\"payload\":{\"tenantId\":\"acme\",\"ticketId\":\"t-1\",\"title\":\"two\\nlines\"}}",
                event.data());
        assertFalse(event.data().contains("\n"), "an SSE data line must be one line");
    }

    @Test
    void keepsEveryOtherEnvelopeField() {
        TailEvent event = TailEvent.fromEnvelope("{\"eventType\":\"TICKET_CREATED\",\"payload\":{\"tenantId\":\"acme\"},"
                + "\"simulated\":true,\"id\":\"" + ID + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\",\"source\":{\"by\":\"console\"}}");
        JsonObject data = WireJson.parseObject(event.data());
        assertEquals(List.of("id", "eventType", "timestamp", "tenantId", "payload", "simulated", "source"), List.copyOf(data.keySet()));
        assertEquals(true, data.getBoolean("simulated"));
        assertEquals("console", data.getJsonObject("source").getString("by"));
    }

    @Test
    void aMessageThatIsNoEnvelopeIsRefused() {
        for (String message : List.of("not json", "[1,2]", "{}", "{\"id\":\"x\",\"eventType\":\"A_B\"}",
                "{\"id\":\"x\",\"eventType\":\"A_B\",\"payload\":{}}", "{\"id\":\"x\",\"eventType\":\"A_B\",\"payload\":[]}",
                "{\"eventType\":\"A_B\",\"payload\":{\"tenantId\":\"acme\"}}")) {
            assertThrows(IllegalArgumentException.class, () -> TailEvent.fromEnvelope(message), message);
        }
    }
}
