package dev.herald.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeraldCloudEventsTest {

    private static final String TENANT = "2f281f27-f782-3d33-8ba0-c22cb03f530d";
    private static final JsonObject PAYLOAD = Json.createObjectBuilder().add("tenantId", TENANT)
            .add("ticketId", "3f1c2a9e-0000-4000-8000-000000000001").build();

    private static CloudEvent event(String source, String id, Optional<String> subject) {
        return new CloudEvent(id, source, "TICKET_CREATED", Optional.empty(), subject, Optional.empty(), Optional.empty(), null, PAYLOAD);
    }

    @Test
    void aCloudEventIsPublishedAsItsTypeWithItsDataOnTheGlobalChannel() {
        DomainEvent published = HeraldCloudEvents.toDomainEvent(event("/crm", "e-1", Optional.of("ticket:42")));
        assertEquals("TICKET_CREATED", published.eventType());
        assertEquals(PAYLOAD, published.payload());
        assertEquals(Optional.of("ticket:42"), published.aggregateKey());
        assertEquals(List.of("global"), published.distinctChannels());
        assertEquals(Optional.of("ce /crm e-1"), published.idempotencyKey());
        assertEquals(Optional.empty(), HeraldCloudEvents.toDomainEvent(event("/crm", "e-1", Optional.empty())).aggregateKey());
    }

    @Test
    void theIdempotencyKeyIsTheCloudEventsIdentitySourceAndId() {
        assertEquals(HeraldCloudEvents.idempotencyKey(event("/crm", "e-1", Optional.empty())),
                HeraldCloudEvents.idempotencyKey(event("/crm", "e-1", Optional.of("other subject"))));
        assertNotEquals(HeraldCloudEvents.idempotencyKey(event("/crm", "e-1", Optional.empty())),
                HeraldCloudEvents.idempotencyKey(event("/billing", "e-1", Optional.empty())));
        // The reader refuses a source with a space (no URI-reference has one), so the first space after "ce " ends the source.
        assertEquals("ce /a b c", HeraldCloudEvents.idempotencyKey(event("/a", "b c", Optional.empty())));
    }

    @Test
    void thePublishersIssuesPointIntoTheCloudEvent() {
        InvalidEventException refused = new InvalidEventException("TICKET_CREATED", List.of(new EventIssue("/payload/ticketId", "not a uuid"),
                new EventIssue("/payload", "missing tenantId"), new EventIssue("/eventType", "unknown"), new EventIssue("/idempotencyKey", "too long"),
                new EventIssue("/aggregateKey", "too long"), new EventIssue("/payloadX", "kept")));
        InvalidEventException moved = HeraldCloudEvents.asCloudEvent(refused);
        assertEquals(List.of("/data/ticketId", "/data", "/type", "/id", "/subject", "/payloadX"),
                moved.issues().stream().map(EventIssue::pointer).toList());
        assertEquals(refused.issues().stream().map(EventIssue::message).toList(), moved.issues().stream().map(EventIssue::message).toList());
        assertEquals("TICKET_CREATED", moved.eventType());
    }

    @Test
    void aHeraldEventViewedAsACloudEvent() {
        EventEnvelope envelope = new EventEnvelope("0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b", "TICKET_CREATED",
                Instant.parse("2026-05-01T12:00:00.123Z"), PAYLOAD);
        JsonObject view = HeraldCloudEvents.view(envelope, Optional.of("ticket:42"),
                Optional.of(URI.create("https://herald.example/api/schemas/payload.TicketCreated.v1")));
        assertEquals("{\"specversion\":\"1.0\",\"id\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"source\":\"/herald/tenants/" + TENANT
                + "\",\"type\":\"TICKET_CREATED\",\"time\":\"2026-05-01T12:00:00.123Z\",\"subject\":\"ticket:42\","
                + "\"datacontenttype\":\"application/json\",\"dataschema\":\"https://herald.example/api/schemas/payload.TicketCreated.v1\","
                + "\"tenantid\":\"" + TENANT + "\",\"data\":" + PAYLOAD + "}", view.toString());
        assertFalse(view.containsKey(HeraldCloudEvents.SIMULATED));
    }

    @Test
    void theViewIsACloudEventHeraldReadsBackAsTheSameEvent() {
        EventEnvelope envelope = new EventEnvelope("0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b", "TICKET_CREATED", Instant.now(), PAYLOAD, true);
        JsonObject view = HeraldCloudEvents.view(envelope, Optional.empty(), Optional.empty());
        assertEquals(true, view.getBoolean(HeraldCloudEvents.SIMULATED));
        assertFalse(view.containsKey("subject"));
        assertFalse(view.containsKey("dataschema"));
        CloudEvent read = CloudEventReader.structured(view);
        assertEquals(envelope.id(), read.id());
        assertEquals(envelope.eventType(), read.type());
        assertEquals(PAYLOAD, read.data());
        assertEquals(Optional.of(TENANT), HeraldCloudEvents.tenant(read));
        assertEquals(Optional.of(envelope.timestamp().toString().length() > 0), read.time().map(t -> true));
    }

    @Test
    void anEventWithoutTenantHasTheHeraldSourceAndNoTenantExtension() {
        EventEnvelope envelope = new EventEnvelope("id-1", "INVENTORY_SNAPSHOT", Instant.now(), Json.createObjectBuilder().add("a", 1).build());
        JsonObject view = HeraldCloudEvents.view(envelope, Optional.empty(), Optional.empty());
        assertEquals("/herald", view.getString("source"));
        assertFalse(view.containsKey("tenantid"));
    }
}
