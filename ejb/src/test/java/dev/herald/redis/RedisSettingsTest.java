package dev.herald.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.kernel.MapConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The topology settings: the mode picks single, Sentinel or Cluster; what each mode needs is checked at start. */
class RedisSettingsTest {

    @Test
    void clusterModeTakesItsSeedNodesFromACommaSeparatedList() {
        RedisSettings settings = RedisSettings.from(MapConfig.of(Map.of(RedisSettings.MODE, "Cluster",
                RedisSettings.NODES, "redis://10.0.0.1:6379, redis://10.0.0.2:6379,")));
        assertEquals(RedisMode.CLUSTER, settings.mode());
        assertEquals(List.of("redis://10.0.0.1:6379", "redis://10.0.0.2:6379"), settings.nodes());
    }

    @Test
    void sentinelModeTakesTheMasterNameAndTheReplicasToWaitFor() {
        RedisSettings settings = RedisSettings.from(MapConfig.of(Map.of(RedisSettings.MODE, "sentinel",
                RedisSettings.NODES, "redis://s1:26379,redis://s2:26379", RedisSettings.SENTINEL_MASTER, "herald",
                RedisSettings.SYNC_REPLICAS, "1")));
        assertEquals(Optional.of("herald"), settings.sentinelMaster());
        assertEquals(1, settings.syncReplicas());
    }

    @Test
    void whatAModeNeedsIsCheckedNamingTheProperty() {
        assertNames(RedisSettings.MODE, Map.of(RedisSettings.MODE, "replicated"));
        assertNames(RedisSettings.NODES, Map.of(RedisSettings.MODE, "cluster"));
        assertNames(RedisSettings.SENTINEL_MASTER, Map.of(RedisSettings.MODE, "sentinel", RedisSettings.NODES, "redis://s1:26379"));
        assertNames(RedisSettings.SYNC_REPLICAS, Map.of(RedisSettings.SYNC_REPLICAS, "-1"));
        assertNames(RedisSettings.DEDUPE_PREFIX, Map.of(RedisSettings.DEDUPE_PREFIX, "herald:{relayed}:"));
    }

    private static void assertNames(String property, Map<String, String> values) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.from(MapConfig.of(values)));
        assertTrue(error.getMessage().contains(property), error.getMessage());
    }
}
