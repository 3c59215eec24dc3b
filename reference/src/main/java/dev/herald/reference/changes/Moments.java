package dev.herald.reference.changes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The domain's times at the wire's precision (milliseconds), so a stored time equals the one its events carry. */
public final class Moments {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Moments() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** For the few payload fields whose schema takes a date-time as plain text. */
    public static String text(Instant instant) {
        return WIRE.format(instant);
    }
}
