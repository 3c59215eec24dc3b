package dev.herald.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedisCluster;
import dev.herald.devservices.DevRedisSentinel;
import dev.herald.devservices.Resp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

/**
 * {@link RedisConnection} in cluster and sentinel mode against real servers (dev services): the settings alone pick
 * the topology; reachability and {@code INFO persistence} (per master on a Cluster) work on each.
 */
class RedisConnectionTopologyRedisTest {

    @Test
    void clusterModeReachesEveryMasterAndReportsTheLeastSafePersistence() throws Exception {
        Path dir = Files.createTempDirectory("herald-cluster-connection-test");
        try (DevRedisCluster cluster = DevRedisCluster.start(dir, 3)) {
            RedisConnection connection = connection(TestRedisTopologies.settings(RedisMode.CLUSTER,
                    List.of(cluster.addresses().get(1)), null, 0));
            try {
                assertTrue(connection.isReachable());
                RedisPersistence persistence = connection.persistence().orElseThrow();
                assertFalse(persistence.aofEnabled(), "the dev cluster runs without AOF: " + persistence.summary());
                assertTrue(connection.address().startsWith("cluster "), connection.address());
                for (int port : cluster.ports()) {
                    Resp.command(port, "CONFIG", "SET", "appendonly", "yes");
                }
                assertTrue(connection.persistence().orElseThrow().aofEnabled(), "every master has AOF now");
                Resp.command(cluster.ports().get(2), "CONFIG", "SET", "appendonly", "no");
                assertFalse(connection.persistence().orElseThrow().aofEnabled(), "one master without AOF is enough to warn");
            } finally {
                connection.shutdown();
            }
        }
    }

    @Test
    void sentinelModeFindsTheMasterThroughTheSentinels() throws Exception {
        Path dir = Files.createTempDirectory("herald-sentinel-connection-test");
        try (DevRedisSentinel sentinel = DevRedisSentinel.start(dir)) {
            RedisConnection connection = connection(TestRedisTopologies.settings(RedisMode.SENTINEL,
                    sentinel.sentinelAddresses(), DevRedisSentinel.MASTER_NAME, 0));
            try {
                assertTrue(connection.isReachable());
                assertTrue(connection.persistence().isPresent());
                connection.client().getBucket("herald-topology-test", StringCodec.INSTANCE).set("x");
                assertEquals("x", Resp.command(sentinel.masterPort(), "GET", "herald-topology-test"),
                        "the write went to the master the Sentinels name");
            } finally {
                connection.shutdown();
            }
        }
    }

    private static RedisConnection connection(RedisSettings settings) {
        RedisConnection connection = new RedisConnection();
        connection.settings = settings;
        return connection;
    }
}
