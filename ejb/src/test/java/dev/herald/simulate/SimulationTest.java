package dev.herald.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void controlCharactersAreReplacedBecausePostgresRefusesNulInText() {
        assertEquals("a\uFFFDb\uFFFDc", Simulation.storable("a\u0000b\u000bc", 200));
    }

    @Test
    void aLongNameIsCutAtACodePointNeverInsideASurrogatePair() {
        String bombs = "💥".repeat(150); // 300 chars, 150 code points
        String kept = Simulation.storable(bombs, 201);
        assertEquals(200, kept.length());
        assertEquals("💥".repeat(100), kept);
        assertEquals("TICKET_CREATED", Simulation.storable("TICKET_CREATED", 200));
    }
}
