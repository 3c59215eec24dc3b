package dev.herald.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryKeyTest {

    private static final String EVENT = "{\"eventType\":\"TICKET_UPDATED\",\"id\":\"e-1\",\"timestamp\":\"2026-12-07T10:00:00.000Z\","
            + "\"payload\":{\"tenantId\":\"t-1\",\"ticketId\":\"x\"}}";

    @Test
    void anEntryWithTheAggregateFieldIsOrderedByItsAggregate() {
        EntryKey ticket1 = EntryKey.peek(Map.of("event", EVENT, "channel", "global", "aggregate", "t-1:ticket-1"), "global");
        EntryKey ticket2 = EntryKey.peek(Map.of("event", EVENT, "channel", "global", "aggregate", "t-1:ticket-2"), "global");
        assertEquals("e-1", ticket1.eventId());
        assertEquals("t-1", ticket1.tenantId());
        assertNotEquals(ticket1.orderingKey(), ticket2.orderingKey(), "two aggregates of one tenant run concurrently");
        assertEquals(ticket1.orderingKey(),
                EntryKey.peek(Map.of("event", EVENT, "aggregate", "t-1:ticket-1"), "global").orderingKey());
    }

    @Test
    void anEntryWithoutOneIsOrderedWithItsTenantsOthers() {
        EntryKey plain = EntryKey.peek(Map.of("event", EVENT, "channel", "global"), "global");
        assertEquals(plain.orderingKey(), EntryKey.peek(Map.of("event", EVENT, "aggregate", ""), "global").orderingKey());
        assertNotEquals(plain.orderingKey(),
                EntryKey.peek(Map.of("event", EVENT, "aggregate", "t-1"), "global").orderingKey(),
                "an aggregate named like a tenant is still another key");
    }
}
