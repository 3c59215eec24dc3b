package dev.herald.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Time as the wire carries it: UTC with a {@code Z} and milliseconds (existing consumers reject an offset such as
 * {@code +00:00}), and a clock that ticks in milliseconds, so a time Herald stores equals the one it publishes.
 */
public final class WireTime {

    /** The platform's clock; {@link Clocks} makes it injectable, so that tests can hand in a fixed one. */
    public static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    /** The consumers' date-time form, always with milliseconds, in UTC. */
    public static final String PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'";

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    public static String text(Instant instant) {
        return TEXT.format(instant);
    }
}
