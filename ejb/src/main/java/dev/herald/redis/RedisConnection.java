package dev.herald.redis;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;

/**
 * Owns the application's one Redisson client. It is created on first use, not at start-up: Redisson connects
 * eagerly, and Herald must start (and report Redis DOWN) while Redis is unreachable.
 */
@ApplicationScoped
public class RedisConnection {

    @Inject
    @ConfigProperty(name = "herald.redis.address", defaultValue = "redis://127.0.0.1:6379")
    String address;

    @Inject
    @ConfigProperty(name = "herald.redis.pool-size", defaultValue = "16")
    int poolSize;

    @Inject
    @ConfigProperty(name = "herald.redis.timeout", defaultValue = "PT3S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "herald.redis.retry-attempts", defaultValue = "2")
    int retryAttempts;

    /** Empty: Redisson's default delay between attempts (equal jitter, 1 s to 2 s). */
    @Inject
    @ConfigProperty(name = "herald.redis.retry-delay")
    Optional<Duration> retryDelay;

    private volatile RedissonClient client;

    public RedissonClient client() {
        RedissonClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = Redisson.create(config());
                }
                current = client;
            }
        }
        return current;
    }

    Config config() {
        Config config = new Config();
        retryBudget().applyTo(config.useSingleServer()
                .setAddress(address)
                .setConnectionPoolSize(poolSize)
                .setConnectionMinimumIdleSize(Math.min(4, poolSize))
                .setSubscriptionConnectionMinimumIdleSize(1));
        config.setUseScriptCache(true);
        return config;
    }

    /** The client's timeouts and retries, and how long one call may therefore ride out an outage. */
    public RedisRetryBudget retryBudget() {
        return new RedisRetryBudget(timeout, retryAttempts, retryDelay);
    }

    /** True when Redis answers a PING within the configured timeout. */
    public boolean isReachable() {
        try {
            return client().getRedisNodes(RedisNodes.SINGLE).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String address() {
        return address;
    }

    @PreDestroy
    void shutdown() {
        if (client != null) {
            client.shutdown();
        }
    }
}
