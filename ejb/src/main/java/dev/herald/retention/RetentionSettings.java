package dev.herald.retention;

import static dev.herald.kernel.Settings.positive;
import static dev.herald.kernel.Settings.required;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Stream retention's settings ({@code herald.retention.*}), the one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal). Retention is off while
 * max-length and max-age are both empty; it never trims an entry a consumer group has not read and acknowledged.
 * Invalid values (a max length below 1, a non-positive age or interval, a channel pattern) fail the deployment: a
 * typo must neither switch retention off silently nor trim more than meant.
 *
 * @param maxLength keep at most this many newest entries per stream
 * @param maxAge    remove entries older than this
 * @param interval  the time between passes
 * @param channels  {@code *} for every channel's streams, or channel names (the workflow stream goes with
 *                  {@code global})
 */
public record RetentionSettings(Optional<Long> maxLength, Optional<Duration> maxAge, Duration interval, String channels) {

    /** No default: empty. */
    public static final String MAX_LENGTH = "herald.retention.max-length";
    /** No default: empty. */
    public static final String MAX_AGE = "herald.retention.max-age";

    public static final String INTERVAL = "herald.retention.interval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    public static final String CHANNELS = "herald.retention.channels";
    public static final String DEFAULT_CHANNELS = "*";

    public RetentionSettings {
        maxLength = maxLength == null ? Optional.empty() : maxLength;
        maxAge = maxAge == null ? Optional.empty() : maxAge;
        positive(INTERVAL, interval);
        required(CHANNELS, channels);
        new RetentionPolicy(maxLength, maxAge); // checks the length and age
        RetentionScope.parse(channels); // checks the names
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(Optional.empty(), Optional.empty(), DEFAULT_INTERVAL, DEFAULT_CHANNELS);
    }

    public static RetentionSettings from(Config config) {
        return new RetentionSettings(
                config.getOptionalValue(MAX_LENGTH, Long.class),
                config.getOptionalValue(MAX_AGE, Duration.class),
                config.getOptionalValue(INTERVAL, Duration.class).orElse(DEFAULT_INTERVAL),
                config.getOptionalValue(CHANNELS, String.class).orElse(DEFAULT_CHANNELS));
    }

    public RetentionPolicy policy() {
        return new RetentionPolicy(maxLength, maxAge);
    }

    public RetentionScope scope() {
        return RetentionScope.parse(channels);
    }
}
