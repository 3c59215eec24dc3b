package dev.herald.tail;

import static dev.herald.kernel.Settings.atLeast;
import static dev.herald.kernel.Settings.positive;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The live tail's settings ({@code herald.tail.*}), the one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal).
 *
 * @param keepAlive idle time after which a keep-alive comment is sent to a client
 * @param queueSize events queued per client before a client that does not keep up is disconnected
 */
public record TailSettings(Duration keepAlive, int queueSize) {

    public static final String KEEP_ALIVE = "herald.tail.keep-alive";
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

    public static final String QUEUE_SIZE = "herald.tail.queue-size";
    public static final int DEFAULT_QUEUE_SIZE = 1000;

    public TailSettings {
        positive(KEEP_ALIVE, keepAlive);
        atLeast(QUEUE_SIZE, 1, queueSize);
    }

    public static TailSettings defaults() {
        return new TailSettings(DEFAULT_KEEP_ALIVE, DEFAULT_QUEUE_SIZE);
    }

    public static TailSettings from(Config config) {
        return new TailSettings(
                config.getOptionalValue(KEEP_ALIVE, Duration.class).orElse(DEFAULT_KEEP_ALIVE),
                config.getOptionalValue(QUEUE_SIZE, Integer.class).orElse(DEFAULT_QUEUE_SIZE));
    }
}
