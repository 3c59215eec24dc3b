package dev.herald.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis Cluster and the Sentinel setup of the dev services come up formed and leave nothing running. */
class DevRedisTopologiesTest {

    @TempDir
    Path dataDir;

    @Test
    void theClusterCoversEverySlotWithThreeMastersAndStopsThemAll() throws Exception {
        List<Integer> ports;
        try (DevRedisCluster cluster = DevRedisCluster.start(dataDir.resolve("cluster"), 3)) {
            ports = cluster.ports();
            assertEquals(3, ports.size());
            String info = Resp.text(ports.get(1), "CLUSTER", "INFO");
            assertTrue(info.contains("cluster_state:ok") && info.contains("cluster_slots_assigned:16384")
                    && info.contains("cluster_known_nodes:3"), info);
        }
        ports.forEach(port -> assertFalse(DevRedis.ping(port), "stopped: " + port));
    }

    @Test
    void theSentinelsFailTheMasterOverToTheReplicaAndStopEverything() throws Exception {
        List<Integer> ports = new ArrayList<>();
        try (DevRedisSentinel setup = DevRedisSentinel.start(dataDir.resolve("sentinel"))) {
            ports.addAll(setup.serverPorts());
            setup.sentinelAddresses().forEach(a -> ports.add(Integer.parseInt(a.substring(a.lastIndexOf(':') + 1))));
            int master = setup.masterPort();
            int promoted = setup.failover();
            assertNotEquals(master, promoted);
            assertTrue(Resp.text(promoted, "INFO", "replication").contains("role:master"));
            assertTrue(Resp.text(master, "INFO", "replication").contains("role:slave"), "the old master follows");
        }
        ports.forEach(port -> assertFalse(DevRedis.ping(port), "stopped: " + port));
    }
}
