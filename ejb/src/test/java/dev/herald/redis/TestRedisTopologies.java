package dev.herald.redis;

import dev.herald.devservices.DevRedisCluster;
import dev.herald.devservices.DevRedisSentinel;
import java.nio.file.Files;
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

    private static DevRedisCluster sharedCluster;
    private static RedissonClient sharedClient;

    /**
     * One three-master cluster for the whole test JVM, started at its first use and stopped when the JVM exits:
     * forming one takes seconds. The tests that share it keep to keys of their own prefix.
     */
    public static synchronized DevRedisCluster sharedCluster() throws Exception {
        if (sharedCluster == null) {
            DevRedisCluster started = DevRedisCluster.start(Files.createTempDirectory("herald-shared-cluster"), 3);
            sharedClient = cluster(started);
            sharedCluster = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sharedClient.shutdown();
                try {
                    started.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not stop the shared test cluster", e);
                }
            }));
        }
        return sharedCluster;
    }

    /** A client of {@link #sharedCluster()}; shut down with it. */
    public static synchronized RedissonClient sharedClusterClient() throws Exception {
        sharedCluster();
        return sharedClient;
    }

    public static RedissonClient cluster(DevRedisCluster cluster) {
        return Redisson.create(RedisConnection.config(settings(RedisMode.CLUSTER, cluster.addresses(), null, 0)));
    }

    public static RedissonClient sentinel(DevRedisSentinel sentinel, int syncReplicas) {
        return Redisson.create(RedisConnection.config(settings(RedisMode.SENTINEL, sentinel.sentinelAddresses(),
                DevRedisSentinel.MASTER_NAME, syncReplicas)));
    }
}
