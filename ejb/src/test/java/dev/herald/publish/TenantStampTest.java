package dev.herald.publish;

import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.auth.TenantDirectory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantStampTest {

    private static final String ACME = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final TenantDirectory DIRECTORY = TenantDirectory.of("acme=" + ACME);
    private final TenantStamp stamp = new TenantStamp(DIRECTORY, declaringTenantFor("INVENTORY_STOCK_LOW"));

    /** INVENTORY_STOCK_LOW declares the consumers' {@code tenant}; TICKET_CREATED does not. */
    private static PayloadValidator declaringTenantFor(String type) {
        return new PayloadValidator() {
            @Override
            public List<EventIssue> validate(String eventType, JsonObject payload) {
                return List.of();
            }

            @Override
            public boolean declares(String eventType, String field) {
                return eventType.equals(type) && field.equals("tenant");
            }
        };
    }

    @Test
    void aSlugInTenantIdBecomesTheTenantsUuid() {
        DomainEvent event = DomainEvent.of("TICKET_CREATED", Json.createObjectBuilder().add("tenantId", "acme").build());
        assertEquals(ACME, stamp.apply(event).payload().getString("tenantId"));
    }

    @Test
    void aPayloadAlreadyCarryingTheUuidIsTheSameEvent() {
        DomainEvent event = DomainEvent.of("TICKET_CREATED", Json.createObjectBuilder().add("tenantId", ACME).build());
        assertSame(event, stamp.apply(event));
    }

    @Test
    void theInventoryShapeGetsTheConsumersTenantFieldFilledIn() {
        TenantStamp inventory = stamp;
        JsonObject payload = inventory.apply(DomainEvent.of("INVENTORY_STOCK_LOW",
                Json.createObjectBuilder().add("tenantId", "acme").build())).payload();
        assertEquals(ACME, payload.getString("tenant"));
        JsonObject onlyTenant = inventory.apply(DomainEvent.of("INVENTORY_STOCK_LOW",
                Json.createObjectBuilder().add("tenant", "acme").build())).payload();
        assertEquals(ACME, onlyTenant.getString("tenantId"));
        assertEquals(ACME, onlyTenant.getString("tenant"));
    }

    @Test
    void aTenantFieldNamingAnotherTenantIsRefusedAtItsPointer() {
        TenantStamp inventory = stamp;
        InvalidEventException error = assertThrows(InvalidEventException.class, () -> inventory.apply(DomainEvent.of(
                "INVENTORY_STOCK_LOW", Json.createObjectBuilder().add("tenantId", "acme").add("tenant", "globex").build())));
        assertEquals("/payload/tenant", error.issues().get(0).pointer());
    }
}
