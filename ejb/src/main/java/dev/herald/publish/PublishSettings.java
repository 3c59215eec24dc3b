package dev.herald.publish;

import static dev.herald.kernel.Settings.atLeast;
import static dev.herald.kernel.Settings.positive;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Publishing's settings ({@code herald.publish.*}), the one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal).
 *
 * @param idempotencyWindow how long an idempotency key is remembered per tenant
 * @param channels          the channel names events may use besides {@code global}, separated by commas; blank for
 *                          any name of the pattern
 * @param maxChannels       how many channels one event may name
 * @param retryAfterSeconds the {@code Retry-After} of a 503 while the broker is unavailable
 */
public record PublishSettings(Duration idempotencyWindow, String channels, int maxChannels, int retryAfterSeconds) {

    public static final String IDEMPOTENCY_WINDOW = "herald.publish.idempotency-window";
    public static final Duration DEFAULT_IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /**
     * Channels an event may name besides 'global', e.g. 'billing,internal-notifications'; blank: any name of the
     * pattern (lowercase letters, digits, '-', '_', '.', starting with a letter or digit, at most 64 characters).
     * Every name becomes part of Redis keys, so a deployment that knows its channels should list them.
     */
    public static final String CHANNELS = "herald.publish.channels";
    public static final String DEFAULT_CHANNELS = "";

    /** How many channels one event may name (their names, joined by commas, must also fit the relay's 1000-character record). */
    public static final String MAX_CHANNELS = "herald.publish.max-channels";
    public static final int DEFAULT_MAX_CHANNELS = 10;

    /** The Retry-After of a 503 while the broker is away (server.xml's herald.broker.* settings bound the wait). */
    public static final String RETRY_AFTER_SECONDS = "herald.publish.retry-after-seconds";
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    public PublishSettings {
        positive(IDEMPOTENCY_WINDOW, idempotencyWindow);
        channels = channels == null ? DEFAULT_CHANNELS : channels;
        atLeast(MAX_CHANNELS, 1, maxChannels);
        atLeast(RETRY_AFTER_SECONDS, 1, retryAfterSeconds);
    }

    public static PublishSettings defaults() {
        return new PublishSettings(DEFAULT_IDEMPOTENCY_WINDOW, DEFAULT_CHANNELS, DEFAULT_MAX_CHANNELS,
                DEFAULT_RETRY_AFTER_SECONDS);
    }

    public static PublishSettings from(Config config) {
        return new PublishSettings(
                config.getOptionalValue(IDEMPOTENCY_WINDOW, Duration.class).orElse(DEFAULT_IDEMPOTENCY_WINDOW),
                config.getOptionalValue(CHANNELS, String.class).orElse(DEFAULT_CHANNELS),
                config.getOptionalValue(MAX_CHANNELS, Integer.class).orElse(DEFAULT_MAX_CHANNELS),
                config.getOptionalValue(RETRY_AFTER_SECONDS, Integer.class).orElse(DEFAULT_RETRY_AFTER_SECONDS));
    }

    /** The channel policy these settings describe (an allow-list name off the pattern fails here). */
    public ChannelPolicy channelPolicy() {
        return ChannelPolicy.configured(channels, maxChannels);
    }
}
