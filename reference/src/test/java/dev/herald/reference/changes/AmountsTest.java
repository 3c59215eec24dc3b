package dev.herald.reference.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void minutesAtAnHourlyRateAreRoundedHalfUpToTheCent() {
        assertEquals(15_000, Amounts.billed(90, 10_000));
        assertEquals(1, Amounts.billed(1, 30));
        assertEquals(0, Amounts.billed(1, 29));
    }

    @Test
    void anAmountWhoseProductExceedsALongIsStillExact() {
        assertEquals(5_000_000_000_000_000_000L, Amounts.billed(60, 5_000_000_000_000_000_000L));
    }

    @Test
    void anAmountBeyondALongIsRefused() {
        assertThrows(ArithmeticException.class, () -> Amounts.billed(120, 5_000_000_000_000_000_000L));
        assertThrows(ArithmeticException.class, () -> Amounts.billed(Integer.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void aTotalBeyondALongIsRefusedInsteadOfWrapping() {
        assertEquals(4_294_967_294L, Amounts.total(List.of(2_147_483_647L, 2_147_483_647L)));
        assertThrows(ArithmeticException.class, () -> Amounts.total(List.of(5_000_000_000_000_000_000L, 5_000_000_000_000_000_000L)));
    }
}
