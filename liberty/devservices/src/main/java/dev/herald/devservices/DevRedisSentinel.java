package dev.herald.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Sentinel setup as child processes on free loopback ports, without persistence: a master, one replica, and three
 * Sentinels ({@code redis-server <conf> --sentinel}, quorum 2) watching the master as {@link #MASTER_NAME}.
 * {@link #start} returns once the replica is in sync and every Sentinel knows it and the other two; {@link #failover}
 * moves the master to the replica the way an operator's {@code SENTINEL FAILOVER} does. {@link #close()} stops every
 * process it started.
 */
public final class DevRedisSentinel implements AutoCloseable {

    public static final String MASTER_NAME = "herald-master";

    private final List<RedisProcess> servers = new ArrayList<>();
    private final List<RedisProcess> sentinels = new ArrayList<>();

    private DevRedisSentinel() {
    }

    public static DevRedisSentinel start(Path dataDir) throws IOException, InterruptedException {
        DevRedisSentinel setup = new DevRedisSentinel();
        try {
            setup.form(dataDir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            setup.close();
            throw e;
        }
        return setup;
    }

    private void form(Path dataDir) throws IOException, InterruptedException {
        RedisProcess master = RedisProcess.start(dataDir, RedisProcess.freePort(false), null, List.of());
        servers.add(master);
        servers.add(RedisProcess.start(dataDir, RedisProcess.freePort(false), null,
                List.of("--replicaof", "127.0.0.1", Integer.toString(master.port()))));
        for (int i = 0; i < 3; i++) {
            int port = RedisProcess.freePort(false);
            Path conf = dataDir.resolve("sentinel-" + port + ".conf");
            // Sentinel rewrites this file with what it learns, so each has its own.
            Files.writeString(conf, String.join("\n",
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 5000", // a loaded test machine must not look like an outage
                    "sentinel failover-timeout " + MASTER_NAME + " 10000",
                    "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
            sentinels.add(RedisProcess.start(dataDir, port, conf, List.of("--sentinel")));
        }
        awaitSettled(master.port());
    }

    /** Waits until {@code masterPort} is the master of every Sentinel, with one replica in sync and the Sentinels known. */
    private void awaitSettled(int masterPort) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!settled(masterPort)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the Sentinel setup did not settle on master " + masterPort + ": "
                        + Resp.text(sentinels.get(0).port(), "SENTINEL", "MASTER", MASTER_NAME));
            }
            Thread.sleep(200);
        }
    }

    private boolean settled(int masterPort) throws IOException {
        for (RedisProcess server : servers) {
            String replication = Resp.text(server.port(), "INFO", "replication");
            boolean shouldLead = server.port() == masterPort;
            if (shouldLead ? !replication.contains("role:master") || !replication.contains("connected_slaves:1")
                    : !replication.contains("role:slave") || !replication.contains("master_link_status:up")
                    || !replication.contains("master_port:" + masterPort)) {
                return false;
            }
        }
        for (RedisProcess sentinel : sentinels) {
            List<?> fields = (List<?>) Resp.command(sentinel.port(), "SENTINEL", "MASTER", MASTER_NAME);
            if (!field(fields, "port").equals(Integer.toString(masterPort)) || !field(fields, "num-slaves").equals("1")
                    || !field(fields, "num-other-sentinels").equals("2") || !field(fields, "flags").equals("master")) {
                return false;
            }
            List<?> replicas = (List<?>) Resp.command(sentinel.port(), "SENTINEL", "REPLICAS", MASTER_NAME);
            if (replicas.size() != 1 || !field((List<?>) replicas.get(0), "flags").equals("slave")) {
                return false;
            }
        }
        return true;
    }

    private static String field(List<?> flat, String name) {
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            if (name.equals(flat.get(i))) {
                return String.valueOf(flat.get(i + 1));
            }
        }
        return "";
    }

    /** The master's port, as the first Sentinel says. */
    public int masterPort() throws IOException {
        List<?> address = (List<?>) Resp.command(sentinels.get(0).port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        return Integer.parseInt((String) address.get(1));
    }

    /**
     * Fails the master over to the replica ({@code SENTINEL FAILOVER}) and waits until the replica is the master of
     * every Sentinel and the old master replicates from it.
     *
     * @return the new master's port
     */
    public int failover() throws IOException, InterruptedException {
        int old = masterPort();
        int next = servers.stream().mapToInt(RedisProcess::port).filter(port -> port != old).findFirst().orElseThrow();
        Resp.command(sentinels.get(0).port(), "SENTINEL", "FAILOVER", MASTER_NAME);
        awaitSettled(next);
        return next;
    }

    /**
     * Kills the master (SIGKILL, as a crash), waits until the Sentinels have promoted the replica, then starts the old
     * master again, empty, and waits until the Sentinels have made it the new master's replica: the failover of a
     * crashed master and the operator's restart of it.
     *
     * @return the new master's port
     */
    public int killMaster() throws IOException, InterruptedException {
        int old = masterPort();
        RedisProcess crashed = servers.stream().filter(s -> s.port() == old).findFirst().orElseThrow();
        int next = servers.stream().mapToInt(RedisProcess::port).filter(port -> port != old).findFirst().orElseThrow();
        crashed.kill();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!promotedEverywhere(next)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the Sentinels did not promote " + next + " after the master " + old + " was killed");
            }
            Thread.sleep(200);
        }
        crashed.restart();
        awaitSettled(next);
        return next;
    }

    private boolean promotedEverywhere(int port) throws IOException {
        for (RedisProcess sentinel : sentinels) {
            List<?> address = (List<?>) Resp.command(sentinel.port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
            if (!Integer.toString(port).equals(address.get(1))) {
                return false;
            }
        }
        return Resp.text(port, "INFO", "replication").contains("role:master");
    }

    /** The Sentinels' addresses, {@code redis://127.0.0.1:<port>}, for {@code herald.redis.nodes}. */
    public List<String> sentinelAddresses() {
        return sentinels.stream().map(s -> "redis://127.0.0.1:" + s.port()).toList();
    }

    /** The master's and the replica's ports (which is which changes with a failover). */
    public List<Integer> serverPorts() {
        return servers.stream().map(RedisProcess::port).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (RedisProcess sentinel : sentinels) {
            sentinel.close();
        }
        for (RedisProcess server : servers) {
            server.close();
        }
    }
}
