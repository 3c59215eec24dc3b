package dev.herald.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.events.Upcaster;
import dev.herald.kernel.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventVersionsTest {

    /** A test-only third version of TICKET_CREATED: v3 calls the ticket's opener "opener". */
    static final Upcaster TICKET_V2_TO_V3 = new Upcaster() {
        @Override
        public String eventType() {
            return "TICKET_CREATED";
        }

        @Override
        public int fromVersion() {
            return 2;
        }

        @Override
        public JsonObject upcast(JsonObject v2) {
            return Json.createObjectBuilder(v2).remove("openedByUserId").add("opener", v2.getString("openedByUserId")).build();
        }
    };

    private static final JsonObject V1 = WireJson.parseObject("""
            {"tenantId":"3f1c2a9e-0000-4000-8000-000000000001","occurredAt":"2026-11-23T07:41:51.792Z",
             "ticketId":"3f1c2a9e-0000-4000-8000-000000000440","createdByUserId":"3f1c2a9e-0000-4000-8000-000000000115"}""");

    private final EventVersions shipped = new EventVersions(List.of(new TicketCreatedUpcaster()), List.of(new TicketCreatedDowncaster()));

    @Test
    void upcastsV1ToV2() {
        JsonObject v2 = shipped.convert("TICKET_CREATED", 1, 2, V1);
        assertEquals("3f1c2a9e-0000-4000-8000-000000000115", v2.getString("openedByUserId"));
        assertFalse(v2.containsKey("createdByUserId"));
        assertEquals("USER", v2.getString("openedVia"));
        assertEquals(V1.get("ticketId"), v2.get("ticketId"));
    }

    @Test
    void chainsStepsFromV1ToV3() {
        EventVersions chained = new EventVersions(List.of(TICKET_V2_TO_V3, new TicketCreatedUpcaster()), List.of());
        JsonObject v3 = chained.convert("TICKET_CREATED", 1, 3, V1);
        assertEquals("3f1c2a9e-0000-4000-8000-000000000115", v3.getString("opener"));
        assertEquals("USER", v3.getString("openedVia"));
        assertFalse(v3.containsKey("openedByUserId") || v3.containsKey("createdByUserId"), v3.toString());
        assertTrue(chained.canConvert("TICKET_CREATED", 1, 3));
    }

    @Test
    void aMissingStepIsAClearError() {
        MissingConverterException e = assertThrows(MissingConverterException.class,
                () -> shipped.convert("TICKET_CREATED", 1, 3, V1));
        assertEquals("no upcaster turns TICKET_CREATED v2 into v3 (register an Upcaster bean with eventType() ="
                + " \"TICKET_CREATED\" and fromVersion() = 2)", e.getMessage());
        assertFalse(shipped.canConvert("TICKET_CREATED", 1, 3));
        MissingConverterException down = assertThrows(MissingConverterException.class,
                () -> EventVersions.NONE.convert("TICKET_CREATED", 2, 1, V1));
        assertTrue(down.getMessage().startsWith("no downcaster turns TICKET_CREATED v2 into v1"), down.getMessage());
    }

    @Test
    void theSameVersionIsTheSamePayload() {
        assertEquals(V1, EventVersions.NONE.convert("TICKET_CREATED", 1, 1, V1));
    }

    @Test
    void twoUpcastersForOneStepAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EventVersions(List.of(new TicketCreatedUpcaster(), new TicketCreatedUpcaster()), List.of()));
        assertTrue(e.getMessage().startsWith("two upcasters from TICKET_CREATED v1"), e.getMessage());
    }
}
