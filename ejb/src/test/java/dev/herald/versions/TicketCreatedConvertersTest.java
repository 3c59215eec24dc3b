package dev.herald.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.events.InvalidEventException;
import dev.herald.kernel.WireJson;
import dev.herald.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped TICKET_CREATED converters against the shipped schemas: every example of one version converts into a valid other. */
class TicketCreatedConvertersTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.loadFromClasspath();
    private final TicketCreatedUpcaster up = new TicketCreatedUpcaster();
    private final TicketCreatedDowncaster down = new TicketCreatedDowncaster();

    @Test
    void everyV1ExampleAsHeraldWritesItUpcastsToAValidV2AndBackToAValidV1() {
        for (JsonObject example : REGISTRY.schema("payload.TicketCreated.v1").orElseThrow().examples()) {
            JsonObject v1 = asHeraldWritesIt(example);
            JsonObject v2 = up.upcast(v1);
            assertEquals(List.of(), REGISTRY.validate("payload.TicketCreated.v2", v2), v2.toString());
            JsonObject back = down.downcast(v2);
            assertEquals(List.of(), REGISTRY.validate("payload.TicketCreated.v1", back), back.toString());
            JsonObject again = up.upcast(back);
            assertEquals(List.of(v2.get("openedVia"), v2.get("openedByUserId")),
                    List.of(again.get("openedVia"), again.get("openedByUserId")), "a downcast keeps what v2 says");
        }
    }

    @Test
    void theLegacyShapesUserIdBecomesTheOpener() {
        JsonObject legacy = REGISTRY.schema("payload.TicketCreated.v1").orElseThrow().examples().get(1);
        JsonObject v2 = up.upcast(legacy);
        assertEquals(legacy.getString("userId"), v2.getString("openedByUserId"));
        assertEquals("USER", v2.getString("openedVia"));
        // Another producer's legacy payload without occurredAt has no v2 form: the check after the upcast says so.
        assertEquals("/occurredAt", REGISTRY.validate("payload.TicketCreated.v2", v2).get(0).pointer());
    }

    /** Herald adds occurredAt to every TICKET_CREATED it publishes (the v1 schema declares it). */
    private static JsonObject asHeraldWritesIt(JsonObject example) {
        return example.containsKey("occurredAt") ? example
                : jakarta.json.Json.createObjectBuilder(example).add("occurredAt", "2026-11-23T07:41:51.792Z").build();
    }

    @Test
    void everyV2ExampleDowncastsToAValidV1() {
        for (JsonObject v2 : REGISTRY.schema("payload.TicketCreated.v2").orElseThrow().examples()) {
            assertEquals(List.of(), REGISTRY.validate("payload.TicketCreated.v1", down.downcast(v2)));
        }
    }

    @Test
    void aV2ThatV1CannotSayIsRefusedNamingTheField() {
        JsonObject contradicting = WireJson.parseObject("""
                {"tenantId":"3f1c2a9e-0000-4000-8000-000000000001","occurredAt":"2026-11-23T07:41:51.792Z",
                 "ticketId":"3f1c2a9e-0000-4000-8000-000000000440","actorType":"USER","openedVia":"CONTACT"}""");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> down.downcast(contradicting));
        assertEquals("/payload/openedVia", e.issues().get(0).pointer());
    }
}
