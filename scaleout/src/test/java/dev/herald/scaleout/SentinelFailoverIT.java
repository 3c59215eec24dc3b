package dev.herald.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.auth.TokenRequest;
import dev.herald.auth.TokenSigner;
import dev.herald.devservices.DevBroker;
import dev.herald.devservices.DevPostgres;
import dev.herald.devservices.DevRedisSentinel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Herald on Redis Sentinel, configuration only (docs/operations.md "Production topology"): one Liberty node running the
 * built EAR with {@code herald.redis.mode=sentinel} and {@code herald.redis.sync-replicas=1}, on a master, a replica
 * and three Sentinels ({@link DevRedisSentinel}), PostgreSQL and a broker. Batches are published while the Redis
 * master is killed with SIGKILL: the Sentinels promote the replica, Redisson follows them, the old master comes back
 * as the new master's replica, and the relay's attempts that failed meanwhile are made again in place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentinelFailoverIT {

    static final int EVENTS = 2_000;
    static final String STREAM = "alga-psa:event-stream:global:PROJECT_CREATED";

    final String tenant = UUID.randomUUID().toString();
    DevPostgres postgres;
    DevBroker broker;
    DevRedisSentinel sentinel;
    LibertyNode node;
    RedissonClient redis;
    Thread cleanup;

    @BeforeAll
    void startEnginesAndANodeOnSentinel() throws Exception {
        cleanup = new Thread(this::stopEverything, "sentinel-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Path data = Path.of(System.getProperty("scaleout.dataDir", "target/scaleout-data") + "-sentinel").toAbsolutePath();
        ScaleOutIT.deleteRecursively(data);
        Files.createDirectories(data);
        long started = System.nanoTime();
        int pgPort = ScaleOutIT.freePort();
        postgres = new DevPostgres(data.resolve("postgres"), pgPort);
        postgres.start();
        broker = new DevBroker(data.resolve("artemis"), ScaleOutIT.freePort());
        broker.start();
        sentinel = DevRedisSentinel.start(Files.createDirectories(data.resolve("redis")));
        Config config = new Config();
        config.useSentinelServers().setMasterName(DevRedisSentinel.MASTER_NAME)
                .addSentinelAddress(sentinel.sentinelAddresses().toArray(String[]::new));
        config.setCodec(StringCodec.INSTANCE);
        redis = Redisson.create(config);

        node = new LibertyNode(Path.of(System.getProperty("scaleout.wlp")), System.getProperty("scaleout.server.a", "scaleA"),
                ScaleOutIT.freePort(), ScaleOutIT.freePort())
                .set("broker.port", Integer.toString(broker.port()))
                .set("herald.redis.mode", "sentinel")
                .set("herald.redis.nodes", String.join(",", sentinel.sentinelAddresses()))
                .set("herald.redis.sentinel-master", DevRedisSentinel.MASTER_NAME)
                .set("herald.redis.sync-replicas", System.getProperty("scaleout.sentinel.sync-replicas", "1"))
                .set("pg.port", Integer.toString(pgPort))
                .set("db", "postgres")
                .set("herald.dev.profile", "true");
        String outageRetry = System.getProperty("scaleout.sentinel.outage-retry"); // PT0S: see the order test fail
        if (outageRetry != null) {
            node.set("herald.relay.outage-retry", outageRetry);
        }
        node.configure(Path.of(System.getProperty("herald.ear")), "768m");
        node.start();
        node.awaitReady(ScaleOutIT.READY);
        System.out.printf("SentinelFailoverIT: engines and the node ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stopEverything() {
        if (node != null) {
            node.close();
            node = null;
        }
        if (redis != null) {
            redis.shutdown();
            redis = null;
        }
        ScaleOutIT.stopAll(sentinel, broker, postgres);
        sentinel = null;
        broker = null;
        postgres = null;
        if (cleanup != null && Thread.currentThread() != cleanup) {
            ScaleOutIT.removeShutdownHook(cleanup);
        }
    }

    /** What the run published while the master was killed, and what the stream holds once it caught up. */
    record Run(Map<String, List<String>> publishedPerAggregate, List<String> accepted, List<String> onStream) {
    }

    private Run run;

    /**
     * A third of the batches go out before the master is killed, the rest while the Sentinels fail it over and after;
     * runs once, for both tests.
     */
    private synchronized Run publishWhileTheMasterIsKilled() throws Exception {
        if (run != null) {
            return run;
        }
        String token = TokenSigner.fromPem(Path.of(System.getProperty("herald.it.signing-key")), "herald-dev", "herald")
                .sign(new TokenRequest(tenant, "sentinel@" + tenant, TokenRequest.ALL_GROUPS, Duration.ofHours(1)));
        Publisher publisher = new Publisher(List.of(node), token);
        int oldMaster = sentinel.masterPort();
        Map<String, List<String>> publishedPerAggregate = new HashMap<>();
        List<String> accepted = new ArrayList<>();
        CompletableFuture<Integer> failover = null;
        long started = System.nanoTime();
        for (int from = 0; from < EVENTS; from += ScaleOutIT.BATCH) {
            if (failover == null && from >= EVENTS / 3) {
                failover = CompletableFuture.supplyAsync(() -> {
                    try {
                        return sentinel.killMaster();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            List<JsonObject> events = new ArrayList<>();
            for (int k = from; k < from + ScaleOutIT.BATCH; k++) {
                events.add(ScaleOutIT.event(tenant, "PROJECT_CREATED", tenant + ":aggregate:" + (k % 10), List.of("global"),
                        "sentinel-" + k));
            }
            List<String> ids = publisher.publish(Publisher.batch(events), 0);
            for (int i = 0; i < ids.size(); i++) {
                publishedPerAggregate.computeIfAbsent(events.get(i).getString("aggregateKey"), a -> new ArrayList<>()).add(ids.get(i));
            }
            accepted.addAll(ids);
        }
        int newMaster = failover.get();
        System.out.printf("SentinelFailoverIT: %d events accepted in %.1f s; master %d killed, %d promoted;"
                        + " %d failed attempts retried%n", accepted.size(), (System.nanoTime() - started) / 1e9, oldMaster,
                newMaster, publisher.failedAttempts.get());
        assertTrue(newMaster != oldMaster, "the replica was promoted");
        assertEquals(EVENTS, new TreeSet<>(accepted).size(), "every batch accepted, one id per event");

        long draining = System.nanoTime();
        ScaleOutIT.await("every accepted event on " + STREAM, ScaleOutIT.DRAIN, () -> idsOnStream().size() >= EVENTS);
        System.out.printf("SentinelFailoverIT: the stream caught up %.1f s after the last batch%n", (System.nanoTime() - draining) / 1e9);
        run = new Run(publishedPerAggregate, accepted, idsOnStream());
        return run;
    }

    /** Each accepted event (a 202) is on its stream exactly once, on the promoted master. */
    @Test
    void everyEventAcceptedWhileTheRedisMasterIsKilledIsOnItsStreamExactlyOnce() throws Exception {
        Run run = publishWhileTheMasterIsKilled();
        assertEquals(new TreeSet<>(run.accepted()), new TreeSet<>(run.onStream()), "the accepted events, no other");
        assertEquals(EVENTS, run.onStream().size(), "each accepted event once");
    }

    /**
     * The relay deliveries that failed while the master was away were retried in place ({@code herald.relay.outage-retry}),
     * so no event of an aggregate reached the stream after a later one: handed back to the broker, a failed delivery is
     * redelivered after a delay and the group's next message may overtake it.
     */
    @Test
    void perAggregateOrderHoldsAcrossTheRedisMasterFailover() throws Exception {
        Run run = publishWhileTheMasterIsKilled();
        long late = late(run.publishedPerAggregate(), run.onStream());
        System.out.printf("SentinelFailoverIT: %d of %d events reached the stream after a later event of their aggregate%n",
                late, EVENTS);
        assertEquals(0, late, "events on the stream after a later event of their aggregate");
    }

    /** How many events reached the stream after a later-published event of their aggregate. */
    private static long late(Map<String, List<String>> publishedPerAggregate, List<String> onStream) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < onStream.size(); i++) {
            position.put(onStream.get(i), i);
        }
        long late = 0;
        for (List<String> ids : publishedPerAggregate.values()) {
            int earliestAfter = Integer.MAX_VALUE; // the earliest stream position of the events published after this one
            for (int k = ids.size() - 1; k >= 0; k--) {
                int at = position.get(ids.get(k));
                if (at > earliestAfter) {
                    late++;
                }
                earliestAfter = Math.min(earliestAfter, at);
            }
        }
        return late;
    }

    /** This test's tenant's event ids on the stream, in stream order, read from the master the Sentinels name. */
    private List<String> idsOnStream() {
        List<String> ids = new ArrayList<>();
        for (Map<String, String> entry : redis.<String, String>getStream(STREAM).range(StreamMessageId.MIN, StreamMessageId.MAX).values()) {
            JsonObject envelope = Json.createReader(new StringReader(entry.get("event"))).readObject();
            if (tenant.equals(envelope.getJsonObject("payload").getString("tenantId"))) {
                ids.add(envelope.getString("id"));
            }
        }
        return ids;
    }
}
