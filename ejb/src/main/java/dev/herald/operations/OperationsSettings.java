package dev.herald.operations;

import static dev.herald.kernel.Settings.atLeast;
import static dev.herald.kernel.Settings.positive;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The operations sampler's settings ({@code herald.operations.*}), the one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal).
 *
 * @param sampleInterval how often the backlog (consumer-group lag and pending entries, dead letters, the workflow
 *                       queue) is read from Redis and the database; the gauges and the operations endpoint answer
 *                       the last sample, so a scrape never touches either
 * @param rateHistory    how far back the per-10-second rate samples of the console's charts reach
 * @param lagCountLimit  on a Redis that does not report a group's lag (before 7), the most entries counted after
 *                       the group's last delivered entry; a larger lag is reported as this figure, marked capped
 */
public record OperationsSettings(Duration sampleInterval, Duration rateHistory, int lagCountLimit) {

    public static final String SAMPLE_INTERVAL = "herald.operations.sample-interval";
    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(5);

    public static final String RATE_HISTORY = "herald.operations.rate-history";
    public static final Duration DEFAULT_RATE_HISTORY = Duration.ofMinutes(15);

    public static final String LAG_COUNT_LIMIT = "herald.operations.lag-count-limit";
    public static final int DEFAULT_LAG_COUNT_LIMIT = 10_000;

    public OperationsSettings {
        positive(SAMPLE_INTERVAL, sampleInterval);
        positive(RATE_HISTORY, rateHistory);
        if (rateHistory.compareTo(RateHistory.STEP) < 0) {
            throw new IllegalArgumentException(RATE_HISTORY + " must be at least " + RateHistory.STEP + ", was " + rateHistory);
        }
        atLeast(LAG_COUNT_LIMIT, 1, lagCountLimit);
    }

    public static OperationsSettings defaults() {
        return new OperationsSettings(DEFAULT_SAMPLE_INTERVAL, DEFAULT_RATE_HISTORY, DEFAULT_LAG_COUNT_LIMIT);
    }

    public static OperationsSettings from(Config config) {
        return new OperationsSettings(
                config.getOptionalValue(SAMPLE_INTERVAL, Duration.class).orElse(DEFAULT_SAMPLE_INTERVAL),
                config.getOptionalValue(RATE_HISTORY, Duration.class).orElse(DEFAULT_RATE_HISTORY),
                config.getOptionalValue(LAG_COUNT_LIMIT, Integer.class).orElse(DEFAULT_LAG_COUNT_LIMIT));
    }

    /** How many 10-second samples the rate history keeps. */
    public int rateSamples() {
        return (int) (rateHistory.toSeconds() / RateHistory.STEP.toSeconds());
    }
}
