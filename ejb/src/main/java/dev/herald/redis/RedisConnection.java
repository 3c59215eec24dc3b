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
import org.redisson.config.ReadMode;

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
        return config(settings);
    }

    /**
     * Redisson's configuration for the topology {@code herald.redis.mode} names. In sentinel and cluster mode every
     * command, reads included, goes to a master ({@link ReadMode#MASTER}): Herald reads what it just wrote (groups,
     * pending lists, dead letters) and a replica may lag.
     */
    public static Config config(RedisSettings settings) {
        Config config = new Config();
        int idle = Math.min(4, settings.poolSize());
        RedisRetryBudget budget = settings.retryBudget();
        switch (settings.mode()) {
            case SINGLE -> budget.applyTo(config.useSingleServer()
                    .setAddress(settings.address())
                    .setConnectionPoolSize(settings.poolSize())
                    .setConnectionMinimumIdleSize(idle)
                    .setSubscriptionConnectionMinimumIdleSize(1));
            case SENTINEL -> budget.applyTo(config.useSentinelServers()
                    .setMasterName(settings.sentinelMaster().orElseThrow())
                    .addSentinelAddress(settings.nodes().toArray(String[]::new))
                    .setReadMode(ReadMode.MASTER)
                    .setMasterConnectionPoolSize(settings.poolSize())
                    .setMasterConnectionMinimumIdleSize(idle)
                    .setSlaveConnectionMinimumIdleSize(1)
                    .setSubscriptionConnectionMinimumIdleSize(1));
            case CLUSTER -> budget.applyTo(config.useClusterServers()
                    .addNodeAddress(settings.nodes().toArray(String[]::new))
                    .setReadMode(ReadMode.MASTER)
                    .setMasterConnectionPoolSize(settings.poolSize())
                    .setMasterConnectionMinimumIdleSize(idle)
                    .setSlaveConnectionMinimumIdleSize(1)
                    .setSubscriptionConnectionMinimumIdleSize(1));
        }
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
            long timeout = settings.timeout().toMillis();
            return switch (settings.mode()) {
                case SINGLE -> client().getRedisNodes(RedisNodes.SINGLE).pingAll(timeout, TimeUnit.MILLISECONDS);
                case SENTINEL -> client().getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster()
                        .ping(timeout, TimeUnit.MILLISECONDS);
                case CLUSTER -> client().getRedisNodes(RedisNodes.CLUSTER).getMasters().stream()
                        .allMatch(master -> master.ping(timeout, TimeUnit.MILLISECONDS));
            };
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Redis' {@code INFO persistence} (the master's; on a Cluster the least safe master's, as each master persists its
     * own slots), or empty when Redis does not answer (or refuses INFO).
     */
    public Optional<RedisPersistence> persistence() {
        try {
            return Optional.of(switch (settings.mode()) {
                case SINGLE -> new RedisPersistence(client().getRedisNodes(RedisNodes.SINGLE).getInstance()
                        .info(RedisNode.InfoSection.PERSISTENCE));
                case SENTINEL -> new RedisPersistence(client().getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE)
                        .getMaster().info(RedisNode.InfoSection.PERSISTENCE));
                case CLUSTER -> RedisPersistence.leastSafe(client().getRedisNodes(RedisNodes.CLUSTER).getMasters()
                        .stream().map(master -> new RedisPersistence(master.info(RedisNode.InfoSection.PERSISTENCE)))
                        .toList());
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where Redis is, for messages: the single address, or the mode with its nodes. */
    public String address() {
        return switch (settings.mode()) {
            case SINGLE -> settings.address();
            case SENTINEL -> "sentinel master " + settings.sentinelMaster().orElseThrow() + " via " + settings.nodes();
            case CLUSTER -> "cluster " + settings.nodes();
        };
    }

    @PreDestroy
    void shutdown() {
        if (client != null) {
            client.shutdown();
        }
    }
}
