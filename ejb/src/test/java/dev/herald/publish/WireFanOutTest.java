package dev.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.events.InvalidEventException;
import dev.herald.kernel.WireJson;
import dev.herald.schema.RegistryPayloadValidator;
import dev.herald.schema.SchemaRegistry;
import dev.herald.versions.EventVersions;
import dev.herald.versions.TicketCreatedDowncaster;
import dev.herald.versions.TicketCreatedUpcaster;
import dev.herald.versions.WireVersions;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFanOutTest {

    private static final PayloadValidator VALIDATOR = new RegistryPayloadValidator(SchemaRegistry.loadFromClasspath());
    private static final EventVersions SHIPPED = new EventVersions(List.of(new TicketCreatedUpcaster()),
            List.of(new TicketCreatedDowncaster()));
    private static final Instant AT = Instant.parse("2026-11-23T07:41:51.792Z");
    private static final JsonObject V1 = WireJson.parseObject("""
            {"tenantId":"3f1c2a9e-0000-4000-8000-000000000001","occurredAt":"2026-11-23T07:41:51.792Z",
             "ticketId":"3f1c2a9e-0000-4000-8000-000000000440","createdByUserId":"3f1c2a9e-0000-4000-8000-000000000115"}""");
    private static final JsonObject V2 = WireJson.parseObject("""
            {"tenantId":"3f1c2a9e-0000-4000-8000-000000000001","occurredAt":"2026-11-23T07:41:51.792Z",
             "ticketId":"3f1c2a9e-0000-4000-8000-000000000440","openedByUserId":"3f1c2a9e-0000-4000-8000-000000000115",
             "openedVia":"SYSTEM"}""");

    private static WireFanOut wire(String setting, EventVersions versions) {
        return new WireFanOut(WireVersions.parse(setting), versions, VALIDATOR);
    }

    @Test
    void byDefaultAV1PublishIsOneV1Envelope() {
        EventEnvelope v1 = new EventEnvelope("e1", "TICKET_CREATED", AT, V1, false, 1);
        assertEquals(List.of(v1), wire("", SHIPPED).envelopes(v1));
    }

    @Test
    void withBothAV1PublishIsAlsoUpcastToV2UnderTheSameId() {
        EventEnvelope v1 = new EventEnvelope("e1", "TICKET_CREATED", AT, V1, true, 1);
        List<EventEnvelope> envelopes = wire("TICKET_CREATED=both", SHIPPED).envelopes(v1);
        assertEquals(2, envelopes.size());
        assertEquals(v1, envelopes.get(0));
        EventEnvelope v2 = envelopes.get(1);
        assertEquals(List.of("e1", AT, true, 2), List.of(v2.id(), v2.timestamp(), v2.simulated(), v2.version()));
        assertEquals("USER", v2.payload().getString("openedVia"));
        assertEquals(List.of(), VALIDATOR.validate("TICKET_CREATED", 2, v2.payload()));
    }

    @Test
    void aV2PublishIsDowncastForTheV1OnTheWire() {
        EventEnvelope v2 = new EventEnvelope("e2", "TICKET_CREATED", AT, V2, false, 2);
        List<EventEnvelope> both = wire("TICKET_CREATED=both", SHIPPED).envelopes(v2);
        assertEquals(List.of(1, 2), both.stream().map(EventEnvelope::version).toList());
        assertEquals("SYSTEM", both.get(0).payload().getString("actorType"));
        assertEquals(both.get(1), v2);
        assertEquals(List.of(1), wire("", SHIPPED).envelopes(v2).stream().map(EventEnvelope::version).toList());
    }

    @Test
    void aV2PublishWithoutADowncasterIsRefusedNamingTypeAndVersions() {
        EventEnvelope v2 = new EventEnvelope("e2", "TICKET_CREATED", AT, V2, false, 2);
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> wire("TICKET_CREATED=both", new EventVersions(List.of(new TicketCreatedUpcaster()), List.of())).envelopes(v2));
        assertEquals("/version", e.issues().get(0).pointer());
        assertEquals("TICKET_CREATED v2 cannot be published while herald.wire.versions puts v1 on the wire: no"
                + " downcaster leads from v2 to v1; publish v1 or change the setting", e.issues().get(0).message());
    }

    @Test
    void anEventWithoutAValidFormInAVersionOnTheWireIsRefusedNamingTheField() {
        TicketCreatedUpcaster broken = new TicketCreatedUpcaster() {
            @Override
            public JsonObject upcast(JsonObject payload) {
                return jakarta.json.Json.createObjectBuilder(super.upcast(payload)).remove("openedVia").build();
            }
        };
        EventEnvelope v1 = new EventEnvelope("e1", "TICKET_CREATED", AT, V1, false, 1);
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> wire("TICKET_CREATED=both", new EventVersions(List.of(broken), List.of())).envelopes(v1));
        assertEquals("/payload/openedVia", e.issues().get(0).pointer(), e.issues().toString());
        assertTrue(e.issues().get(0).message().startsWith("as TICKET_CREATED v2 (herald.wire.versions puts it on the wire): "),
                e.issues().toString());
    }
}
