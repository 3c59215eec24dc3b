package dev.herald.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedisCluster;
import dev.herald.devservices.Resp;
import dev.herald.redis.TestRedisTopologies;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;

/**
 * {@link StreamTrimmer} on a real three-master Redis Cluster (dev services): it finds the managed streams on every
 * master (SCAN runs per master) and trims each, one key per command.
 */
class StreamTrimmerClusterRedisTest {

    private static DevRedisCluster cluster;
    private static RedissonClient client;
    private static String prefix;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestRedisTopologies.sharedCluster();
        client = TestRedisTopologies.sharedClusterClient();
        prefix = "herald-cluster-retention-test-" + UUID.randomUUID() + ":";
    }


    @Test
    void findsAndTrimsStreamsOnEveryMaster() throws Exception {
        Set<String> streams = new TreeSet<>();
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String name = prefix + "event-stream:global:TYPE_" + i;
            streams.add(name);
            RStream<String, String> stream = client.getStream(name, StringCodec.INSTANCE);
            for (int n = 0; n < 5; n++) {
                stream.add(StreamAddArgs.entry("n", Integer.toString(n)));
            }
            stream.createGroup(StreamCreateGroupArgs.name("event-processors").id(new StreamMessageId(0, 0)));
            stream.ack("event-processors", stream.readGroup("event-processors", "c1",
                    StreamReadGroupArgs.neverDelivered().count(10)).keySet().toArray(StreamMessageId[]::new));
        }
        for (int port : cluster.ports()) {
            if (!((java.util.List<?>) Resp.command(port, "KEYS", prefix + "*")).isEmpty()) {
                masters.add(port);
            }
        }
        assertEquals(3, masters.size(), "the streams sit on every master");

        StreamTrimmer trimmer = new StreamTrimmer(client, RetentionPolicy.maxLength(2), prefix, prefix + "workflow");
        assertEquals(streams, trimmer.streams(), "every master's streams are found");
        for (String name : streams) {
            assertEquals(3, trimmer.trim(name, Instant.now()), name);
            assertTrue(client.getStream(name, StringCodec.INSTANCE).size() == 2, name);
        }
    }
}
