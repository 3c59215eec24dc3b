package dev.herald.redis;

import java.time.Duration;

/**
 * Where the relay writes: every key prefix and name is configuration, with the defaults of the existing wire
 * format ({@code alga-psa:} stream prefix, {@code event:} channel prefix, {@code workflow:events:global}). Part of
 * {@link RedisSettings}, where the property names and defaults are.
 */
public record RedisKeys(String streamPrefix, String channelPrefix, String workflowStream, String dedupePrefix,
                            Duration dedupeWindow) {

    public static RedisKeys defaults() {
        return RedisSettings.defaultKeys();
    }
}
