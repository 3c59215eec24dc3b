package dev.herald.redis;

import dev.herald.devservices.DevRedisCluster;
import dev.herald.devservices.DevRedisSentinel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Redisson clients on the dev services' Redis Cluster and Sentinel setup, configured by the application's own code
 * ({@link RedisConnection#config(RedisSettings)}) from the settings {@code herald.redis.mode} and
 * {@code herald.redis.nodes} would give.
 */
public final class TestRedisTopologies {

    private TestRedisTopologies() {
    }

    public static RedisSettings settings(RedisMode mode, List<String> nodes, String sentinelMaster, int syncReplicas) {
        return new RedisSettings(mode, RedisSettings.DEFAULT_ADDRESS, nodes, Optional.ofNullable(sentinelMaster),
                syncReplicas, RedisSettings.DEFAULT_POOL_SIZE, Duration.ofSeconds(3), 3,
                Optional.of(Duration.ofMillis(500)), RedisKeys.defaults());
    }

    public static RedissonClient cluster(DevRedisCluster cluster) {
        return Redisson.create(RedisConnection.config(settings(RedisMode.CLUSTER, cluster.addresses(), null, 0)));
    }

    public static RedissonClient sentinel(DevRedisSentinel sentinel, int syncReplicas) {
        return Redisson.create(RedisConnection.config(settings(RedisMode.SENTINEL, sentinel.sentinelAddresses(),
                DevRedisSentinel.MASTER_NAME, syncReplicas)));
    }
}
