package dev.herald.publish;

import dev.herald.kernel.WireTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {

    private final EventEnvelope envelope = new EventEnvelope("3f1c2a9e-0000-4000-8000-000000000001", "TICKET_UPDATED",
            Instant.parse("2026-11-23T07:41:51Z"), Json.createObjectBuilder().add("tenantId", "t1").build());

    @Test
    void writesTheWireKeysInTheirUsualOrderWithZuluMilliseconds() {
        assertEquals("{\"eventType\":\"TICKET_UPDATED\",\"payload\":{\"tenantId\":\"t1\"},"
                + "\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"timestamp\":\"2026-11-23T07:41:51.000Z\"}",
                EnvelopeJson.toJson(envelope));
    }

    @Test
    void readsBackWhatItWrites() {
        assertEquals(envelope, EnvelopeJson.fromJson(EnvelopeJson.toJson(envelope)));
    }

    @Test
    void simulatedEventCarriesTheMarkerAfterTheUsualKeys() {
        EventEnvelope simulated = new EventEnvelope(envelope.id(), envelope.eventType(), envelope.timestamp(), envelope.payload(), true);
        assertEquals("{\"eventType\":\"TICKET_UPDATED\",\"payload\":{\"tenantId\":\"t1\"},"
                + "\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"timestamp\":\"2026-11-23T07:41:51.000Z\",\"simulated\":true}",
                EnvelopeJson.toJson(simulated));
        assertEquals(simulated, EnvelopeJson.fromJson(EnvelopeJson.toJson(simulated)));
    }

    @Test
    void aLaterVersionCarriesItAfterTheTimestampAndAV1EnvelopeDoesNot() {
        EventEnvelope v2 = envelope.inVersion(2, envelope.payload());
        assertEquals("{\"eventType\":\"TICKET_UPDATED\",\"payload\":{\"tenantId\":\"t1\"},"
                + "\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"timestamp\":\"2026-11-23T07:41:51.000Z\",\"version\":2}",
                EnvelopeJson.toJson(v2));
        assertEquals(v2, EnvelopeJson.fromJson(EnvelopeJson.toJson(v2)));
        assertFalse(EnvelopeJson.toJsonObject(envelope).containsKey(EnvelopeJson.VERSION));
        assertEquals(1, EnvelopeJson.fromJson(EnvelopeJson.toJson(envelope)).version());
    }

    @Test
    void theTwoVersionsOfOneEventShareItsIdButAreRecordedApart() {
        EventEnvelope v2 = envelope.inVersion(2, envelope.payload());
        assertEquals(envelope.id(), v2.id());
        assertEquals(envelope.id(), envelope.recordId());
        assertFalse(v2.recordId().equals(envelope.id()), "the relay's failure record of the v2 envelope has its own id");
        assertEquals(v2.recordId(), envelope.inVersion(2, envelope.payload()).recordId(), "derived, the same every time");
    }

    @Test
    void anEventBusinessCodeEmittedHasNoMarkerKey() {
        assertFalse(EnvelopeJson.toJsonObject(envelope).containsKey(EnvelopeJson.SIMULATED));
        assertFalse(EnvelopeJson.fromJson(EnvelopeJson.toJson(envelope)).simulated());
    }

    @Test
    void timestampIsNeverAnOffset() {
        assertEquals("1970-01-01T00:00:00.007Z", WireTime.text(Instant.ofEpochMilli(7)));
    }
}
