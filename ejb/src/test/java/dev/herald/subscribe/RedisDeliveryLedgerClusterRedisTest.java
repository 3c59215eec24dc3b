package dev.herald.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.devservices.DevRedisCluster;
import dev.herald.redis.TestRedisTopologies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * {@link RedisDeliveryLedger} on a real three-master Redis Cluster: its one multi-key read (MGET of many marks, in
 * many slots) works, because Redisson splits it by slot in cluster mode.
 */
class RedisDeliveryLedgerClusterRedisTest {

    private static DevRedisCluster cluster;
    private static RedissonClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestRedisTopologies.sharedCluster();
        client = TestRedisTopologies.sharedClusterClient();
    }


    @Test
    void handledMarksAreFoundAcrossSlots() {
        RedisDeliveryLedger ledger = new RedisDeliveryLedger(client, "herald-ledger-test-" + UUID.randomUUID() + ":",
                Duration.ofMinutes(5));
        List<String> keys = new ArrayList<>();
        Set<String> marked = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String key = ledger.key(UUID.randomUUID().toString(), "global", "sub-" + i);
            keys.add(key);
            if (i % 3 == 0) {
                client.getBucket(key, StringCodec.INSTANCE).set("1", Duration.ofMinutes(5));
                marked.add(key);
            }
        }
        assertEquals(marked, ledger.handled(keys));
    }
}
