package dev.herald.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TailFilterTest {

    private static TailEvent event(String tenant, String type) {
        return new TailEvent("3f1c2a9e-0000-4000-8000-000000000001", type, tenant, "{}");
    }

    @Test
    void absentTypesMatchEveryTypeOfTheTenant() {
        TailFilter filter = TailFilter.of("acme", null);
        assertEquals(Set.of(), filter.types());
        assertTrue(filter.matches(event("acme", "TICKET_CREATED")));
        assertTrue(filter.matches(event("acme", "INVOICE_SENT")));
        assertEquals(filter, TailFilter.of("acme", List.of()));
    }

    @Test
    void anotherTenantsEventNeverMatches() {
        assertFalse(TailFilter.of("acme", null).matches(event("globex", "TICKET_CREATED")));
        assertFalse(TailFilter.of("acme", List.of("TICKET_CREATED")).matches(event("globex", "TICKET_CREATED")));
        assertFalse(TailFilter.of("acme", null).matches(event("", "TICKET_CREATED")));
    }

    @Test
    void listedTypesOnlyFromEveryParameter() {
        TailFilter filter = TailFilter.of("acme", List.of("TICKET_CREATED, TICKET_UPDATED", "PROJECT_CREATED"));
        assertEquals(Set.of("TICKET_CREATED", "TICKET_UPDATED", "PROJECT_CREATED"), filter.types());
        assertTrue(filter.matches(event("acme", "TICKET_UPDATED")));
        assertTrue(filter.matches(event("acme", "PROJECT_CREATED")));
        assertFalse(filter.matches(event("acme", "TICKET_CLOSED")));
    }

    @Test
    void unknownTypeIsAcceptedAndNeverMatches() {
        TailFilter filter = TailFilter.of("acme", List.of("TICKET_TELEPORTED"));
        assertFalse(filter.matches(event("acme", "TICKET_CREATED")));
    }

    @Test
    void emptyItemsAreRefused() {
        for (String list : List.of("", " ", "TICKET_CREATED,", ",TICKET_CREATED", "TICKET_CREATED,,TICKET_UPDATED")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> TailFilter.of("acme", List.of(list)), list);
            assertTrue(refused.getMessage().contains("empty item"), refused.getMessage());
        }
    }

    @Test
    void moreThanAHundredTypesAreRefused() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "TYPE_" + i).toList();
        assertEquals(100, TailFilter.of("acme", List.of(String.join(",", hundred))).types().size());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TailFilter.of("acme", List.of(String.join(",", hundred), "TYPE_100")));
        assertTrue(refused.getMessage().contains("at most 100"), refused.getMessage());
        // a repeated name is one type
        assertEquals(1, TailFilter.of("acme", Collections.nCopies(150, "TICKET_CREATED")).types().size());
    }

    @Test
    void readySignalNamesTenantAndSortedTypes() {
        assertEquals("{\"tenantId\":\"acme\",\"types\":[\"A_B\",\"C_D\"]}", TailFilter.of("acme", List.of("C_D,A_B")).json());
        assertEquals("{\"tenantId\":\"acme\",\"types\":[]}", TailFilter.of("acme", null).json());
    }
}
