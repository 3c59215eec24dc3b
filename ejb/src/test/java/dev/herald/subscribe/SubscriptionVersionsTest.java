package dev.herald.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.types.TicketCreatedV2;
import dev.herald.kernel.WireJson;
import dev.herald.schema.SchemaRegistry;
import dev.herald.versions.EventVersions;
import dev.herald.versions.TicketCreatedUpcaster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A typed observer of a later record gets each v1 entry upcast to its version, checked against that version's schema. */
class SubscriptionVersionsTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.loadFromClasspath();
    private static final EventVersions SHIPPED = new EventVersions(List.of(new TicketCreatedUpcaster()), List.of());
    private static final JsonObject V1 = WireJson.parseObject("""
            {"tenantId":"3f1c2a9e-0000-4000-8000-000000000001","occurredAt":"2026-11-23T07:41:51.792Z",
             "ticketId":"3f1c2a9e-0000-4000-8000-000000000440","createdByUserId":"3f1c2a9e-0000-4000-8000-000000000115"}""");
    private static final ReceivedEvent ENTRY = new ReceivedEvent("e1", "TICKET_CREATED", Instant.EPOCH, "global",
            V1.getString("tenantId"), V1, "alga-psa:event-stream:global:TICKET_CREATED", "1-0");

    private static Subscription typed(Class<?> record) {
        return new Subscription("s", List.of("TICKET_CREATED"), "global", Set.of(), "", "test", record);
    }

    @Test
    void aV2ObserverGetsTheV1EntryUpcastAndItsRecordBinds() {
        ReceivedEvent v2 = typed(TicketCreatedV2.class).inObservedVersion(ENTRY, SHIPPED, REGISTRY);
        assertEquals(2, v2.version());
        assertEquals(List.of("e1", "1-0"), List.of(v2.id(), v2.entryId()), "the same entry");
        TicketCreatedV2 record = v2.bind(TicketCreatedV2.class);
        assertEquals("3f1c2a9e-0000-4000-8000-000000000115", record.openedByUserId().toString());
        assertEquals("USER", String.valueOf(record.openedVia()));
    }

    @Test
    void aReceivedEventObserverGetsTheEntryAsItWas() {
        assertSame(ENTRY, new Subscription("s", List.of("TICKET_CREATED"), "global", Set.of(), "", "test")
                .inObservedVersion(ENTRY, SHIPPED, REGISTRY));
    }

    @Test
    void anUpcastTheV2SchemaRefusesFailsTheDelivery() {
        TicketCreatedUpcaster broken = new TicketCreatedUpcaster() {
            @Override
            public JsonObject upcast(JsonObject payload) {
                return Json.createObjectBuilder(super.upcast(payload)).remove("openedVia").build();
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> typed(TicketCreatedV2.class)
                .inObservedVersion(ENTRY, new EventVersions(List.of(broken), List.of()), REGISTRY));
        assertTrue(e.getMessage().startsWith("TICKET_CREATED v1 converted to v2 is not valid against payload.TicketCreated.v2"),
                e.getMessage());
    }
}
