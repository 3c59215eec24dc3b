package dev.herald.relay;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The relay's own settings ({@code herald.relay.*} read by the application; the dedupe window is a Redis key setting,
 * {@code herald.relay.max-sessions} a server.xml one), the one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal).
 *
 * @param outageRetry how long one delivery retries in place a relay that failed because Redis was briefly away before
 *                    it fails the delivery to the broker; zero: fail it at once
 */
public record RelaySettings(Duration outageRetry) {

    /**
     * While a delivery retries in place, the aggregate's later events wait behind it, so per-aggregate order holds
     * through a Redis outage or failover up to this long; a delivery failed to the broker is redelivered after a delay,
     * and the group's next message may overtake it.
     */
    public static final String OUTAGE_RETRY = "herald.relay.outage-retry";
    public static final Duration DEFAULT_OUTAGE_RETRY = Duration.ofSeconds(60);

    public RelaySettings {
        if (outageRetry == null || outageRetry.isNegative()) {
            throw new IllegalArgumentException(OUTAGE_RETRY + " must be zero or a positive duration, was " + outageRetry);
        }
    }

    public static RelaySettings defaults() {
        return new RelaySettings(DEFAULT_OUTAGE_RETRY);
    }

    public static RelaySettings from(Config config) {
        return new RelaySettings(config.getOptionalValue(OUTAGE_RETRY, Duration.class).orElse(DEFAULT_OUTAGE_RETRY));
    }
}
