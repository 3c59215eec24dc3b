package dev.herald.devservices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster of three masters (no replicas, no persistence) as child processes on free loopback ports, formed
 * from Java (CLUSTER ADDSLOTS, CLUSTER MEET) so that redis-cli need not be installed; {@link #start} returns once
 * every node says {@code cluster_state:ok} and knows all three masters. {@link #close()} stops every node it started.
 */
public final class DevRedisCluster implements AutoCloseable {

    public static final int SLOTS = 16384;

    private final List<RedisProcess> nodes = new ArrayList<>();

    private DevRedisCluster() {
    }

    public static DevRedisCluster start(Path dataDir, int masters) throws IOException, InterruptedException {
        DevRedisCluster cluster = new DevRedisCluster();
        try {
            cluster.form(dataDir, masters);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void form(Path dataDir, int masters) throws IOException, InterruptedException {
        for (int i = 0; i < masters; i++) {
            int port = RedisProcess.freePort(true);
            nodes.add(RedisProcess.start(dataDir, port, null, List.of("--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "2000")));
        }
        for (int i = 0; i < masters; i++) {
            int from = i * SLOTS / masters;
            int to = (i + 1) * SLOTS / masters;
            List<String> args = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = from; slot < to; slot++) {
                args.add(Integer.toString(slot));
            }
            Resp.command(nodes.get(i).port(), args.toArray(String[]::new));
        }
        for (int i = 1; i < masters; i++) {
            Resp.command(nodes.get(0).port(), "CLUSTER", "MEET", "127.0.0.1", Integer.toString(nodes.get(i).port()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!formed(masters)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the Redis Cluster on " + ports() + " did not reach cluster_state:ok: "
                        + Resp.text(nodes.get(0).port(), "CLUSTER", "INFO"));
            }
            Thread.sleep(100);
        }
    }

    private boolean formed(int masters) throws IOException {
        for (RedisProcess node : nodes) {
            if (!Resp.text(node.port(), "CLUSTER", "INFO").contains("cluster_state:ok")) {
                return false;
            }
            long known = Resp.text(node.port(), "CLUSTER", "NODES").lines()
                    .filter(line -> line.contains("master") && !line.contains("fail") && !line.contains("handshake"))
                    .count();
            if (known != masters) {
                return false;
            }
        }
        return true;
    }

    public List<Integer> ports() {
        return nodes.stream().map(RedisProcess::port).toList();
    }

    /** The nodes' addresses, {@code redis://127.0.0.1:<port>}, for {@code herald.redis.nodes}. */
    public List<String> addresses() {
        return ports().stream().map(port -> "redis://127.0.0.1:" + port).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (RedisProcess node : nodes) {
            node.close();
        }
    }
}
