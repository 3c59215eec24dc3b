package dev.herald.reference.changes;

import java.math.BigInteger;
import java.util.List;

/**
 * Amounts in cents, computed exactly: an amount or a total beyond what a {@code long} holds is an ArithmeticException,
 * never a wrapped number on an invoice.
 */
public final class Amounts {

    private static final BigInteger MINUTES_PER_HOUR = BigInteger.valueOf(60);
    private static final BigInteger HALF_AN_HOUR = BigInteger.valueOf(30);

    private Amounts() {
    }

    /** What {@code minutes} at an hourly {@code rateCents} bill, rounded half up to the cent. */
    public static long billed(int minutes, long rateCents) {
        return BigInteger.valueOf(minutes).multiply(BigInteger.valueOf(rateCents)).add(HALF_AN_HOUR)
                .divide(MINUTES_PER_HOUR).longValueExact();
    }

    public static long total(List<Long> amounts) {
        long total = 0;
        for (long amount : amounts) {
            total = Math.addExact(total, amount);
        }
        return total;
    }
}
