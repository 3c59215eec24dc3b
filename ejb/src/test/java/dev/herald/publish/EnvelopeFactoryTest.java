package dev.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeFactoryTest {

    private static final UUID ID = UUID.fromString("3f1c2a9e-0000-4000-8000-000000000001");
    private final EnvelopeFactory factory = new EnvelopeFactory(
            Clock.fixed(Instant.parse("2026-11-23T07:41:51.792345Z"), ZoneOffset.UTC), () -> ID);

    @Test
    void stampsIdAndMillisecondTimestamp() {
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload("t1")));
        assertEquals(ID.toString(), envelope.id());
        assertEquals(Instant.parse("2026-11-23T07:41:51.792Z"), envelope.timestamp());
    }

    @Test
    void addsOccurredAtWhenAbsent() {
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload("t1")));
        assertEquals("2026-11-23T07:41:51.792Z", envelope.payload().getString("occurredAt"));
    }

    @Test
    void keepsOccurredAtGivenByTheCaller() {
        JsonObject payload = Json.createObjectBuilder(payload("t1")).add("occurredAt", "2026-01-01T00:00:00.000Z").build();
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload));
        assertEquals("2026-01-01T00:00:00.000Z", envelope.payload().getString("occurredAt"));
    }

    @Test
    void refusesMissingTenantAndBadTypeWithEveryIssue() {
        InvalidEventException error = assertThrows(InvalidEventException.class,
                () -> factory.create(DomainEvent.of("ticketCreated", Json.createObjectBuilder().add("ticketId", "x").build())));
        assertEquals(2, error.issues().size(), error.getMessage());
        assertTrue(error.issues().contains(new EventIssue("/payload/tenantId", "is required and must be a non-empty string")));
        assertEquals("/eventType", error.issues().get(0).pointer());
    }

    @Test
    void refusesBlankTenant() {
        assertThrows(InvalidEventException.class, () -> factory.create(DomainEvent.of("TICKET_CREATED", payload(" "))));
    }

    static JsonObject payload(String tenant) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", "4a4e1c3e-1111-4000-8000-000000000002").build();
    }
}
