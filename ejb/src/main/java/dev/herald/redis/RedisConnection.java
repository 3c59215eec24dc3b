package dev.herald.redis;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;

/**
 * Owns the application's one Redisson client. It is created on first use, not at start-up: Redisson connects
 * eagerly, and Herald must start (and report Redis DOWN) while Redis is unreachable.
 */
@ApplicationScoped
public class RedisConnection {

    @Inject
    RedisSettings settings;

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
                .setAddress(settings.address())
                .setConnectionPoolSize(settings.poolSize())
                .setConnectionMinimumIdleSize(Math.min(4, settings.poolSize()))
                .setSubscriptionConnectionMinimumIdleSize(1));
        config.setUseScriptCache(true);
        return config;
    }

    /** The client's timeouts and retries, and how long one call may therefore ride out an outage. */
    public RedisRetryBudget retryBudget() {
        return settings.retryBudget();
    }

    /** True when Redis answers a PING within the configured timeout. */
    public boolean isReachable() {
        try {
            return client().getRedisNodes(RedisNodes.SINGLE).pingAll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Redis' {@code INFO persistence}, or empty when Redis does not answer (or refuses INFO). */
    public Optional<RedisPersistence> persistence() {
        try {
            return Optional.of(new RedisPersistence(client().getRedisNodes(RedisNodes.SINGLE).getInstance()
                    .info(RedisNode.InfoSection.PERSISTENCE)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public String address() {
        return settings.address();
    }

    @PreDestroy
    void shutdown() {
        if (client != null) {
            client.shutdown();
        }
    }
}
