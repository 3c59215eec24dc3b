package dev.herald.bench;

import dev.herald.devservices.DevRedis;
import dev.herald.devservices.DevRedisCluster;
import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import dev.herald.redis.RedisMode;
import dev.herald.redis.RedisSettings;
import dev.herald.relay.RelayWriter;
import dev.herald.relay.WireFormat;
import jakarta.json.Json;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Relay write throughput, the relay's own code ({@link RelayWriter}: one script call per stream key, pipelined) on a
 * single Redis and on a three-master Redis Cluster, both started here by the dev services, same run, same messages:
 * messages of {@code eventsPerMessage} events of 8 types on {@code global} and {@code billing}, from {@code threads}
 * threads as the relay MDB's sessions. Prints both rates and their ratio; never fails (a failed side prints why).
 * Usage: {@code RelayBenchmark [messages] [eventsPerMessage] [threads] [rounds]}; round 1 is JIT warm-up.
 */
public final class RelayBenchmark {

    private static final List<String> TYPES = List.of("TICKET_CREATED", "TICKET_UPDATED", "TICKET_CLOSED",
            "INVOICE_CREATED", "INVOICE_PAID", "PROJECT_CREATED", "USER_LOGGED_IN", "COMPANY_CREATED");

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int perMessage = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path dir = Files.createTempDirectory("herald-relay-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DevRedis single = DevRedis.ephemeral(dir.resolve("single"), port);
        DevRedisCluster cluster = null;
        RedissonClient singleClient = null;
        RedissonClient clusterClient = null;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            single.start();
            cluster = DevRedisCluster.start(dir.resolve("cluster"), 3);
            singleClient = Redisson.create(RedisConnection.config(settings(RedisMode.SINGLE,
                    "redis://127.0.0.1:" + port, List.of(), threads)));
            clusterClient = Redisson.create(RedisConnection.config(settings(RedisMode.CLUSTER,
                    RedisSettings.DEFAULT_ADDRESS, cluster.addresses(), threads)));
            System.out.printf("%nRelay writes, %,d messages of %d event(s) on global+billing (%d stream calls each),"
                            + " %d threads%n", messages, perMessage, callsPerMessage(perMessage), threads);
            for (int round = 1; round <= rounds; round++) {
                double onSingle = rate(singleClient, pool, messages, perMessage, threads);
                double onCluster = rate(clusterClient, pool, messages, perMessage, threads);
                System.out.printf("  round %d: single Redis %,10.0f events/s   3-master cluster %,10.0f events/s"
                        + "   cluster/single %.2f%n", round, onSingle, onCluster, onCluster / onSingle);
            }
        } catch (Exception e) {
            System.out.println("Relay benchmark did not complete: " + e);
        } finally {
            pool.shutdownNow();
            if (singleClient != null) {
                singleClient.shutdown();
            }
            if (clusterClient != null) {
                clusterClient.shutdown();
            }
            if (cluster != null) {
                cluster.close();
            }
            single.stop();
        }
    }

    private static RedisSettings settings(RedisMode mode, String address, List<String> nodes, int threads) {
        return new RedisSettings(mode, address, nodes, Optional.empty(), 0, Math.max(16, threads * 2),
                Duration.ofSeconds(5), 2, Optional.empty(), RedisKeys.defaults());
    }

    /** Per-type stream calls for global and billing, one workflow stream call (at most, types repeat). */
    private static int callsPerMessage(int perMessage) {
        return Math.min(perMessage, TYPES.size()) * 2 + 1;
    }

    private static double rate(RedissonClient client, ExecutorService pool, int messages, int perMessage, int threads)
            throws Exception {
        String prefix = "herald:bench:relay:" + UUID.randomUUID() + ":";
        WireFormat format = new WireFormat(new RedisKeys(prefix, "bench-event:", prefix + "workflow", "herald:relayed:",
                Duration.ofMinutes(10)));
        RelayWriter writer = new RelayWriter(client, format, 0, Duration.ofSeconds(1));
        List<List<CarriedEvent>> all = new ArrayList<>(messages);
        for (int m = 0; m < messages; m++) {
            List<CarriedEvent> message = new ArrayList<>(perMessage);
            for (int e = 0; e < perMessage; e++) {
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), TYPES.get((m + e) % TYPES.size()),
                        Instant.now(), Json.createObjectBuilder().add("tenantId", "t1").add("n", m).build());
                message.add(new CarriedEvent(envelope, EnvelopeJson.toJson(envelope), List.of("global", "billing"), null));
            }
            all.add(message);
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                    writer.relayed(all.get(i));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return messages * (double) perMessage / seconds;
    }
}
