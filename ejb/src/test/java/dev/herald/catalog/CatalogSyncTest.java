package dev.herald.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSyncTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private final List<CatalogEntry> table = new ArrayList<>();

    @Test
    void firstSeedInsertsEveryShippedType() {
        SeedReport report = CatalogSync.apply(shipped("first"), table, T0, table::add);
        assertEquals(new SeedReport(2, 0, 0, 0, T0), report);
        assertEquals(2, table.size());
        assertTrue(table.stream().allMatch(CatalogEntry::isSystem));
    }

    @Test
    void secondSeedWithTheSameDataChangesNothing() {
        CatalogSync.apply(shipped("first"), table, T0, table::add);
        SeedReport again = CatalogSync.apply(shipped("first"), table, T1, table::add);
        assertEquals(new SeedReport(0, 0, 0, 2, T1), again);
        assertTrue(table.stream().allMatch(e -> e.getUpdatedAt().equals(T0)), "rows untouched");
    }

    @Test
    void changedDescriptionUpdatesItsRow() {
        CatalogSync.apply(shipped("first"), table, T0, table::add);
        SeedReport report = CatalogSync.apply(shipped("second"), table, T1, table::add);
        assertEquals(1, report.updated());
        CatalogEntry created = table.stream().filter(e -> e.getEventType().equals("TICKET_CREATED")).findFirst().orElseThrow();
        assertEquals("second", created.definition().description());
        assertEquals(T1, created.getUpdatedAt());
    }

    @Test
    void vanishedTypeIsMarkedRemovedNotDeletedAndComesBackWhenShippedAgain() {
        CatalogSync.apply(shipped("first"), table, T0, table::add);
        SeedReport report = CatalogSync.apply(shipped("first").subList(0, 1), table, T1, table::add);
        assertEquals(1, report.removed());
        assertEquals(2, table.size(), "nothing deleted");
        CatalogEntry closed = table.stream().filter(e -> e.getEventType().equals("TICKET_CLOSED")).findFirst().orElseThrow();
        assertTrue(closed.isRemoved());

        SeedReport back = CatalogSync.apply(shipped("first"), table, T1.plusSeconds(1), table::add);
        assertEquals(1, back.updated());
        assertFalse(closed.isRemoved());
    }

    private static List<CatalogDefinition> shipped(String createdDescription) {
        return List.of(
                new CatalogDefinition("TICKET_CREATED", "Ticket Created", "Tickets", createdDescription, "payload.TicketCreated.v1", "emitted", true),
                new CatalogDefinition("TICKET_CLOSED", "Ticket Closed", "Tickets", "closed", "payload.TicketClosed.v1", "emitted", false));
    }
}
