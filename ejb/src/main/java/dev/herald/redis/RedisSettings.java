package dev.herald.redis;

import static dev.herald.kernel.Settings.atLeast;
import static dev.herald.kernel.Settings.positive;
import static dev.herald.kernel.Settings.required;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Redis' settings: the client (topology: {@code herald.redis.mode} with the address or the nodes; pool, timeout,
 * retries, replicas to wait for) and the wire format's key names
 * ({@link RedisKeys}, with the relay's dedupe marker and window). The one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal).
 *
 * @param mode          which Redis topology Redisson connects to: one server, a Sentinel-watched master, a Cluster
 * @param address       Redisson single-server address ({@code rediss://} for TLS); single mode only
 * @param nodes         the Sentinel addresses (sentinel mode) or the Cluster seed nodes (cluster mode)
 * @param sentinelMaster the name of the master the Sentinels watch (sentinel mode)
 * @param syncReplicas  how many replicas must acknowledge the relay's writes (Redis WAIT) before it answers; 0: none
 * @param poolSize      Redisson's connection pool size
 * @param timeout       Redisson's command (response) and connect timeout
 * @param retryAttempts how often Redisson sends a failed command again
 * @param retryDelay    the pause between two attempts; empty for Redisson's default (1 to 2 s with jitter)
 * @param keys          the key prefixes and names of the wire format
 */
public record RedisSettings(RedisMode mode, String address, List<String> nodes, Optional<String> sentinelMaster,
                            int syncReplicas, int poolSize, Duration timeout, int retryAttempts,
                            Optional<Duration> retryDelay, RedisKeys keys) {

    /** {@code single}, {@code sentinel} or {@code cluster}: the same code runs on each, only this decides. */
    public static final String MODE = "herald.redis.mode";
    public static final String DEFAULT_MODE = "single";

    /** Comma-separated {@code redis://host:port}: the Sentinels (sentinel mode) or the Cluster seed nodes (cluster mode). */
    public static final String NODES = "herald.redis.nodes";
    public static final String DEFAULT_NODES = "";

    /** No default: required in sentinel mode, the master name of the Sentinels' configuration. */
    public static final String SENTINEL_MASTER = "herald.redis.sentinel-master";

    /**
     * How many replicas must have the relay's writes (Redis WAIT, within {@code herald.redis.timeout}) before the relay
     * acknowledges the broker: with 1, a failover to that replica loses no acknowledged event; 0 is faster.
     */
    public static final String SYNC_REPLICAS = "herald.redis.sync-replicas";
    public static final int DEFAULT_SYNC_REPLICAS = 0;

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
        if (mode == null) {
            throw new IllegalArgumentException(MODE + " must be set");
        }
        required(ADDRESS, address);
        nodes = nodes == null ? List.of() : nodes.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        sentinelMaster = sentinelMaster == null ? Optional.empty() : sentinelMaster.filter(m -> !m.isBlank());
        if (mode != RedisMode.SINGLE && nodes.isEmpty()) {
            throw new IllegalArgumentException(NODES + " must name at least one address in " + MODE + " "
                    + mode.text() + " (the " + (mode == RedisMode.SENTINEL ? "Sentinels" : "Cluster seed nodes") + ")");
        }
        if (mode == RedisMode.SENTINEL && sentinelMaster.isEmpty()) {
            throw new IllegalArgumentException(SENTINEL_MASTER + " must be set in " + MODE + " sentinel");
        }
        atLeast(SYNC_REPLICAS, 0, syncReplicas);
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
        if (keys.dedupePrefix().indexOf('{') >= 0 || keys.dedupePrefix().indexOf('}') >= 0) {
            // the marker's hash tag (the stream's slot) must be the first {...} of the key
            throw new IllegalArgumentException(DEDUPE_PREFIX + " must not hold '{' or '}', was " + keys.dedupePrefix());
        }
        positive(DEDUPE_WINDOW, keys.dedupeWindow());
    }

    public static RedisSettings defaults() {
        return new RedisSettings(RedisMode.parse(MODE, DEFAULT_MODE), DEFAULT_ADDRESS, List.of(), Optional.empty(),
                DEFAULT_SYNC_REPLICAS, DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT, DEFAULT_RETRY_ATTEMPTS,
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
                RedisMode.parse(MODE, config.getOptionalValue(MODE, String.class).orElse(DEFAULT_MODE)),
                config.getOptionalValue(ADDRESS, String.class).orElse(DEFAULT_ADDRESS),
                List.of(config.getOptionalValue(NODES, String.class).orElse(DEFAULT_NODES).split(",")),
                config.getOptionalValue(SENTINEL_MASTER, String.class),
                config.getOptionalValue(SYNC_REPLICAS, Integer.class).orElse(DEFAULT_SYNC_REPLICAS),
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
