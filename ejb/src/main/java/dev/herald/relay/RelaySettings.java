package dev.herald.relay;

import java.time.Duration;

/**
 * Where the relay writes: every key prefix and name is configuration, with the defaults of the existing wire
 * format ({@code alga-psa:} stream prefix, {@code event:} channel prefix, {@code workflow:events:global}).
 */
public record RelaySettings(String streamPrefix, String channelPrefix, String workflowStream, String dedupePrefix,
                            Duration dedupeWindow) {

    public static RelaySettings defaults() {
        return new RelaySettings("alga-psa:", "event:", "workflow:events:global", "herald:relayed:", Duration.ofDays(7));
    }
}
