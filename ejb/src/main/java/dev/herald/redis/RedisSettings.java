package dev.herald.redis;

import static dev.herald.kernel.Settings.atLeast;
import static dev.herald.kernel.Settings.positive;
import static dev.herald.kernel.Settings.required;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Redis' settings: the client ({@code herald.redis.address}, pool, timeout, retries) and the wire format's key names
 * ({@link RedisKeys}, with the relay's dedupe marker and window). The one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal).
 *
 * @param address       Redisson single-server address ({@code rediss://} for TLS)
 * @param poolSize      Redisson's connection pool size
 * @param timeout       Redisson's command (response) and connect timeout
 * @param retryAttempts how often Redisson sends a failed command again
 * @param retryDelay    the pause between two attempts; empty for Redisson's default (1 to 2 s with jitter)
 * @param keys          the key prefixes and names of the wire format
 */
public record RedisSettings(String address, int poolSize, Duration timeout, int retryAttempts,
                            Optional<Duration> retryDelay, RedisKeys keys) {

    /** server.xml sets it from the Liberty variables redis.host and redis.port, which default to this. */
    public static final String ADDRESS = "herald.redis.address";
    public static final String DEFAULT_ADDRESS = "redis://127.0.0.1:6379";

    public static final String POOL_SIZE = "herald.redis.pool-size";
    public static final int DEFAULT_POOL_SIZE = 16;

    public static final String TIMEOUT = "herald.redis.timeout";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public static final String RETRY_ATTEMPTS = "herald.redis.retry-attempts";
    public static final int DEFAULT_RETRY_ATTEMPTS = 2;

    /** No default: empty means Redisson's own delay between attempts (equal jitter, 1 s to 2 s). */
    public static final String RETRY_DELAY = "herald.redis.retry-delay";

    public static final String STREAM_PREFIX = "herald.redis.stream-prefix";
    public static final String DEFAULT_STREAM_PREFIX = "alga-psa:";

    public static final String CHANNEL_PREFIX = "herald.redis.channel-prefix";
    public static final String DEFAULT_CHANNEL_PREFIX = "event:";

    public static final String WORKFLOW_STREAM = "herald.redis.workflow-stream";
    public static final String DEFAULT_WORKFLOW_STREAM = "workflow:events:global";

    public static final String DEDUPE_PREFIX = "herald.redis.dedupe-prefix";
    public static final String DEFAULT_DEDUPE_PREFIX = "herald:relayed:";

    /** How long a relayed event id is remembered (the relay's dedupe marker lives this long). */
    public static final String DEDUPE_WINDOW = "herald.relay.dedupe-window";
    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofDays(7);

    public RedisSettings {
        required(ADDRESS, address);
        atLeast(POOL_SIZE, 1, poolSize);
        retryDelay = retryDelay == null ? Optional.empty() : retryDelay;
        new RedisRetryBudget(timeout, retryAttempts, retryDelay); // checks the timeout, attempts and delay
        if (keys == null) {
            throw new IllegalArgumentException("the Redis key names must be set");
        }
        required(STREAM_PREFIX, keys.streamPrefix());
        required(CHANNEL_PREFIX, keys.channelPrefix());
        required(WORKFLOW_STREAM, keys.workflowStream());
        required(DEDUPE_PREFIX, keys.dedupePrefix());
        positive(DEDUPE_WINDOW, keys.dedupeWindow());
    }

    public static RedisSettings defaults() {
        return new RedisSettings(DEFAULT_ADDRESS, DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT, DEFAULT_RETRY_ATTEMPTS,
                Optional.empty(), defaultKeys());
    }

    static RedisKeys defaultKeys() {
        return new RedisKeys(DEFAULT_STREAM_PREFIX, DEFAULT_CHANNEL_PREFIX, DEFAULT_WORKFLOW_STREAM,
                DEFAULT_DEDUPE_PREFIX, DEFAULT_DEDUPE_WINDOW);
    }

    public static RedisSettings from(Config config) {
        RedisKeys keys = new RedisKeys(
                config.getOptionalValue(STREAM_PREFIX, String.class).orElse(DEFAULT_STREAM_PREFIX),
                config.getOptionalValue(CHANNEL_PREFIX, String.class).orElse(DEFAULT_CHANNEL_PREFIX),
                config.getOptionalValue(WORKFLOW_STREAM, String.class).orElse(DEFAULT_WORKFLOW_STREAM),
                config.getOptionalValue(DEDUPE_PREFIX, String.class).orElse(DEFAULT_DEDUPE_PREFIX),
                config.getOptionalValue(DEDUPE_WINDOW, Duration.class).orElse(DEFAULT_DEDUPE_WINDOW));
        return new RedisSettings(
                config.getOptionalValue(ADDRESS, String.class).orElse(DEFAULT_ADDRESS),
                config.getOptionalValue(POOL_SIZE, Integer.class).orElse(DEFAULT_POOL_SIZE),
                config.getOptionalValue(TIMEOUT, Duration.class).orElse(DEFAULT_TIMEOUT),
                config.getOptionalValue(RETRY_ATTEMPTS, Integer.class).orElse(DEFAULT_RETRY_ATTEMPTS),
                config.getOptionalValue(RETRY_DELAY, Duration.class),
                keys);
    }

    /** The client's timeouts and retries, and how long one call may therefore ride out an outage. */
    public RedisRetryBudget retryBudget() {
        return new RedisRetryBudget(timeout, retryAttempts, retryDelay);
    }
}
