package dev.herald.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireVersionsTest {

    @Test
    void byDefaultEveryTypeGoesAsV1Only() {
        assertEquals(List.of(1), WireVersions.defaults().of("TICKET_CREATED"));
        assertEquals(List.of(1), WireVersions.parse(" ").of("TICKET_CREATED"));
    }

    @Test
    void bothIsV1AndV2AndPairsAreSeparatedByCommas() {
        WireVersions wire = WireVersions.parse("TICKET_CREATED=both, TICKET_CLOSED = v1 ,PROJECT_CREATED=v3+v1");
        assertEquals(List.of(1, 2), wire.of("TICKET_CREATED"));
        assertEquals(List.of(1), wire.of("TICKET_CLOSED"));
        assertEquals(List.of(1, 3), wire.of("PROJECT_CREATED"));
        assertEquals(List.of(1), wire.of("TICKET_UPDATED"));
    }

    @Test
    void v2AloneIsRefusedBecauseV1ReadersStayOnTheWire() {
        assertEquals("herald.wire.versions: TICKET_CREATED=v2: v1 must stay on the wire (the consumers' keys and the"
                        + " workflow stream are read by v1 readers); use TICKET_CREATED=v1+v2",
                assertThrows(IllegalArgumentException.class, () -> WireVersions.parse("TICKET_CREATED=v2")).getMessage());
    }

    @Test
    void malformedValuesAreRefusedNamingTheProperty() {
        assertEquals("herald.wire.versions: 'ticket_created=both' is not TYPE=versions (e.g. TICKET_CREATED=both)",
                assertThrows(IllegalArgumentException.class, () -> WireVersions.parse("ticket_created=both")).getMessage());
        assertEquals("herald.wire.versions: TICKET_CREATED=v1+two: 'two' is not a version (v1, v2, ..., or both)",
                assertThrows(IllegalArgumentException.class, () -> WireVersions.parse("TICKET_CREATED=v1+two")).getMessage());
        assertEquals("herald.wire.versions: TICKET_CREATED is named twice",
                assertThrows(IllegalArgumentException.class,
                        () -> WireVersions.parse("TICKET_CREATED=v1,TICKET_CREATED=both")).getMessage());
        assertEquals("herald.wire.versions: 'TICKET_CREATED' is not TYPE=versions (e.g. TICKET_CREATED=both)",
                assertThrows(IllegalArgumentException.class, () -> WireVersions.parse("TICKET_CREATED")).getMessage());
    }

    @Test
    void aVersionOnTheWireNeedsAnUpcasterChainFromV1() {
        WireVersions wire = WireVersions.parse("TICKET_CREATED=both");
        assertEquals(wire, wire.checkedAgainst(new EventVersions(List.of(new TicketCreatedUpcaster()), List.of())));
        assertEquals("herald.wire.versions: TICKET_CREATED puts v2 on the wire, but no upcaster chain leads there from v1",
                assertThrows(IllegalArgumentException.class, () -> wire.checkedAgainst(EventVersions.NONE)).getMessage());
    }
}
